#include "logging.h"

Q_LOGGING_CATEGORY(lcKube, "rcs.kube", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRedis, "rcs.redis", QtWarningMsg)
Q_LOGGING_CATEGORY(lcWorkflow, "rcs.workflow", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "rcs.ui", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandbox, "rcs.sandbox", QtWarningMsg)
