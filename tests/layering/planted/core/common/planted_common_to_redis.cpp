#include "redis/slot_set.h"
