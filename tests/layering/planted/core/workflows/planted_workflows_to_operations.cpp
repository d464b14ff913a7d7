#include "operations/operation_catalogue.h"
