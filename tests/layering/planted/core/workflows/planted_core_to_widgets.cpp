#include <QWidget>
#include "ui/main_window.h"
