#include "common/result.h"

#include <QTest>

using namespace rcs;

class TestErrorResult final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultErrorIsNoError()
    {
        const Error none;
        QVERIFY(!none.isError());
        QVERIFY(!none);
        QCOMPARE(none.code(), ErrorCode::None);
        // Context is only added to a real error: "Creating the cluster: " on success would be noise.
        QVERIFY(!none.withContext(QStringLiteral("Creating the cluster")).isError());
    }

    void withContextKeepsCodeAndDetail()
    {
        const Error error(ErrorCode::RedisError,
                          QStringLiteral("10.0.0.1:6379 answered ERR unknown command."),
                          QStringLiteral("-ERR unknown command 'CLUSTER'"));
        const Error wrapped = error.withContext(QStringLiteral("Creating the cluster"));
        QCOMPARE(wrapped.code(), ErrorCode::RedisError);
        QCOMPARE(wrapped.message(),
                 QStringLiteral("Creating the cluster: 10.0.0.1:6379 answered ERR unknown command."));
        QCOMPARE(wrapped.detail(), error.detail());
        QVERIFY(!errorCodeName(ErrorCode::NotEmpty).isEmpty());
        QVERIFY(errorCodeName(ErrorCode::NotEmpty) != errorCodeName(ErrorCode::Timeout));
    }

    void resultHoldsValueOrError()
    {
        const Result<int> value = 42;
        QVERIFY(value.ok());
        QVERIFY(static_cast<bool>(value));
        QCOMPARE(*value, 42);
        QCOMPARE(value.valueOr(7), 42);
        QVERIFY(!value.error().isError());

        const Result<int> failed = Error(ErrorCode::Timeout, QStringLiteral("No reply within 5 s."));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::Timeout);
        QCOMPARE(failed.valueOr(7), 7);

        const Result<QString> moved = QStringLiteral("text");
        QCOMPARE(Result<QString>(moved).value(), QStringLiteral("text"));
    }

    void resultOfVoid()
    {
        const Result<void> done;
        QVERIFY(done.ok());
        const Result<void> refused = Error(ErrorCode::Refused, QStringLiteral("The cluster is not healthy."));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().message(), QStringLiteral("The cluster is not healthy."));
    }
};

QTEST_GUILESS_MAIN(TestErrorResult)
#include "tst_error_result.moc"
