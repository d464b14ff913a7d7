#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace sandbox {

// Server-side apply and the metadata.managedFields bookkeeping behind it, modelled on the API
// server's structured-merge-diff: every writer (field manager) owns the leaf fields it set; an
// apply that changes a field another manager owns is a conflict unless forced; fields a manager
// stops applying are removed when nobody else owns them.
struct ApplyOutcome {
    QJsonObject object;
    QStringList conflictFields;   // ".spec.replicas" style, empty on success
    QStringList conflictManagers; // parallel to conflictFields
};

// current is empty when the object does not exist yet. applied is the apply configuration.
ApplyOutcome serverSideApply(const QJsonObject &current, const QJsonObject &applied, const QString &manager,
                             bool force, const QString &subresource = {});

// Records a non-apply write (create, update, patch) by manager: the fields it changed become its
// own (operation Update) and are taken from every other manager. Returns updated with managedFields.
QJsonObject recordUpdate(const QJsonObject &old, const QJsonObject &updated, const QString &manager,
                         const QString &subresource = {});

} // namespace sandbox
