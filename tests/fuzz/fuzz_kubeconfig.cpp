// libFuzzer target: the kubeconfig loader (YAML → clusters, users, contexts) and context resolution.
// A kubeconfig is user-supplied; a broken one must give an error, never a crash.
#include "kube/kube_config.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // loadFile() is the public entry point, so each input goes through a real file; the folder is
    // created once and reused, relative paths inside the input resolve against it.
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 0;
    file.write(reinterpret_cast<const char *>(data), qint64(size));
    file.close();
    const auto config = rcs::KubeConfig::loadFile(path);
    if (!config) {
        (void)config.error().message();
        return 0;
    }
    (void)config->resolve();
    for (const auto &context : config->contexts())
        (void)config->resolve(context.name);
    return 0;
}
