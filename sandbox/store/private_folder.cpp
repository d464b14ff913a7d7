#include "store/private_folder.h"

#include <QDirIterator>
#include <QFileInfo>

#include <sys/stat.h>

namespace sandbox {

namespace {

constexpr QFileDevice::Permissions kFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

QFileDevice::Permissions privateFilePermissions(QFileDevice::Permissions current)
{
    QFileDevice::Permissions kept =
        current & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return kept | QFileDevice::ReadOwner | QFileDevice::WriteOwner;
}

bool tighten(const QFileInfo &info)
{
    if (info.isSymLink())
        return true; // a link's own mode means nothing; its target is walked if it lies inside
    const QFileDevice::Permissions wanted =
        info.isDir() ? kFolder : privateFilePermissions(info.permissions());
    const QFileDevice::Permissions open = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                          QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                          QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (!(info.permissions() & open) && (info.permissions() & wanted) == wanted)
        return true;
    return QFile::setPermissions(info.absoluteFilePath(), wanted);
}

} // namespace

QString makeDataFolderPrivate(const QString &root)
{
    ::umask(077);
    const QFileInfo top(root);
    if (!tighten(top))
        return QStringLiteral("cannot make the data folder %1 private (chmod 700): run kube-sandbox as "
                              "its owner or choose another --data-dir.")
            .arg(root);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (!tighten(it.fileInfo()))
            return QStringLiteral("cannot make %1 private (chmod go-rwx): change its owner or mode by hand.")
                .arg(it.filePath());
    }
    return {};
}

} // namespace sandbox
