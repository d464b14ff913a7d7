#include "workflows/recover_workflow.h"
