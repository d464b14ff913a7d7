#pragma once

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <utility>

namespace rcs {

// Runs work (plain values in, a value out) on the global thread pool and then done with its result on
// the application's main thread, unless context was destroyed meanwhile. What it is for: the cost of a
// large cluster's refresh is parsing and merging 200 × 200 CLUSTER NODES lines (~100 ms each at 200
// nodes); on the GUI thread that drops frames at every poll. work must touch no QObject and nothing
// the main thread may change meanwhile: capture copies.
// Called from any other thread (there is no event loop to return to that we know), or without an
// application, it runs work and done at once on the calling thread. A task still running when the
// application ends is waited for by QCoreApplication's destructor (it waits for the global pool), so it
// never posts to an application that is gone.
template<typename T>
void runOffThread(const QObject *context, std::function<T()> work, std::function<void(T)> done)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread()) {
        done(work());
        return;
    }
    QPointer<const QObject> guard(context);
    QThreadPool::globalInstance()->start(
        [app, guard, work = std::move(work), done = std::move(done)]() mutable {
            auto result = std::make_shared<T>(work());
            QMetaObject::invokeMethod(
                app,
                [guard, result, done = std::move(done)]() {
                    if (guard) // checked on the main thread, where context lives and dies
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
}

// Lets value go on the thread pool: freeing a large cluster's views (250 views of 250 node lines each)
// takes ~20 ms, which the GUI thread need not spend. Only what value alone still holds is freed there.
template<typename T> void releaseOffThread(T value)
{
    auto held = std::make_shared<T>(std::move(value));
    QThreadPool::globalInstance()->start([held]() mutable { held.reset(); });
}

} // namespace rcs
