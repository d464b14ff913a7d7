#include "hiredis_qt_adapter.h"

#include <hiredis/async.h>

namespace rcs {

HiredisQtAdapter::HiredisQtAdapter(redisAsyncContext *context)
    : m_context(context)
    , m_read(context->c.fd, QSocketNotifier::Read)
    , m_write(context->c.fd, QSocketNotifier::Write)
{
    // Notifiers start disabled; hiredis enables what it needs through the hooks.
    m_read.setEnabled(false);
    m_write.setEnabled(false);
    connect(&m_read, &QSocketNotifier::activated, this, [this] { handle(QSocketNotifier::Read); });
    connect(&m_write, &QSocketNotifier::activated, this, [this] { handle(QSocketNotifier::Write); });

    context->ev.data = this;
    context->ev.addRead = &HiredisQtAdapter::addRead;
    context->ev.delRead = &HiredisQtAdapter::delRead;
    context->ev.addWrite = &HiredisQtAdapter::addWrite;
    context->ev.delWrite = &HiredisQtAdapter::delWrite;
    context->ev.cleanup = &HiredisQtAdapter::cleanup;
}

HiredisQtAdapter::~HiredisQtAdapter()
{
    detach();
}

void HiredisQtAdapter::detach()
{
    // Disabling unregisters the fd from the event dispatcher before hiredis closes it, so a later
    // socket reusing the same descriptor number does not collide with these notifiers.
    m_read.setEnabled(false);
    m_write.setEnabled(false);
    if (!m_context)
        return;
    m_context->ev.data = nullptr;
    m_context->ev.addRead = nullptr;
    m_context->ev.delRead = nullptr;
    m_context->ev.addWrite = nullptr;
    m_context->ev.delWrite = nullptr;
    m_context->ev.cleanup = nullptr;
    m_context = nullptr;
}

void HiredisQtAdapter::addRead(void *adapter)
{
    static_cast<HiredisQtAdapter *>(adapter)->m_read.setEnabled(true);
}

void HiredisQtAdapter::delRead(void *adapter)
{
    static_cast<HiredisQtAdapter *>(adapter)->m_read.setEnabled(false);
}

void HiredisQtAdapter::addWrite(void *adapter)
{
    static_cast<HiredisQtAdapter *>(adapter)->m_write.setEnabled(true);
}

void HiredisQtAdapter::delWrite(void *adapter)
{
    static_cast<HiredisQtAdapter *>(adapter)->m_write.setEnabled(false);
}

void HiredisQtAdapter::cleanup(void *adapter)
{
    auto *self = static_cast<HiredisQtAdapter *>(adapter);
    // hiredis frees the context right after this hook returns.
    self->m_read.setEnabled(false);
    self->m_write.setEnabled(false);
    self->m_context = nullptr;
    Q_EMIT self->released();
}

void HiredisQtAdapter::handle(QSocketNotifier::Type type)
{
    if (!m_context)
        return;
    if (type == QSocketNotifier::Read)
        redisAsyncHandleRead(m_context);
    else
        redisAsyncHandleWrite(m_context);
    Q_EMIT processed();
}

} // namespace rcs
