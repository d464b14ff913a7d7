#include <QNetworkAccessManager>
