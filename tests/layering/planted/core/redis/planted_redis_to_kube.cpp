#include "kube/kube_client.h"
