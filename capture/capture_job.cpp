// SPDX-License-Identifier: MIT
#include "capture/capture_job.h"

#include "capture/body_check.h"
#include "core/base/capture_text.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

#include <algorithm>

namespace gs::capture {

namespace {

// What an error body is worth quoting: the first line of what the service said.
constexpr qsizetype kErrorBodyBytes = 4096;

std::string toStd(const QString& s)
{
    return s.toStdString();
}

// `folder`/`name`, or with "-2", "-3"... before the suffix when that file exists already.
QString unusedPath(const QString& folder, const std::string& name, const char* suffix)
{
    const QDir dir(folder);
    const std::string stem = name.substr(0, name.size() - std::string(suffix).size());
    QString path = dir.filePath(QString::fromStdString(name));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(QString::fromStdString(stem + "-" + std::to_string(n) + suffix));
    return path;
}

} // namespace

CaptureJob::CaptureJob(QNetworkAccessManager* network, std::string baseUrl, CaptureRequest request, std::string folder,
                       CaptureTimeouts timeouts, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(std::move(baseUrl))
    , m_request(request)
    , m_folder(std::move(folder))
    , m_timeouts(timeouts)
{
    m_connectTimer.setSingleShot(true);
    m_transferTimer.setSingleShot(true);
    m_ticker.setInterval(1000);
    m_ticker.setTimerType(Qt::PreciseTimer); // a coarse timer may fire early and repeat a second
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        m_stopReason = "no answer from " + where() + " within " + std::to_string(m_timeouts.connectSeconds)
                       + " s of connecting (is the host reachable, and is this its port?)";
        if (m_reply)
            m_reply->abort();
    });
    connect(&m_transferTimer, &QTimer::timeout, this, [this] {
        m_stopReason = where() + " sent " + std::to_string(m_bytes) + " bytes of " + capturePath(m_request.kind, m_request.seconds)
                       + " and did not finish within " + std::to_string(m_transferTimer.interval() / 1000)
                       + " s: the response is too slow or stuck";
        if (m_reply)
            m_reply->abort();
    });
    connect(&m_ticker, &QTimer::timeout, this, &CaptureJob::tick);
}

CaptureJob::~CaptureJob()
{
    m_done = true;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_part.isOpen())
        m_part.close();
    if (!m_part.fileName().isEmpty())
        m_part.remove();
}

std::string CaptureJob::where() const
{
    const size_t scheme = m_baseUrl.find("://");
    return scheme == std::string::npos ? m_baseUrl : m_baseUrl.substr(scheme + 3);
}

void CaptureJob::start()
{
    const KindInfo& kind = kindInfo(m_request.kind);
    m_startTime = std::time(nullptr);
    const QString folder = QString::fromStdString(m_folder);
    if (!QDir().mkpath(folder))
        return fail("cannot create the folder " + m_folder);
    const std::string name = captureFileName(m_baseUrl, m_request.kind, m_startTime);
    m_part.setFileName(QDir(folder).filePath(QString::fromStdString("." + name + ".part")));
    if (!m_part.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail("cannot write " + toStd(m_part.fileName()) + ": " + toStd(m_part.errorString()));

    QNetworkRequest request(QUrl(QString::fromStdString(captureUrl(m_baseUrl, m_request.kind, m_request.seconds))));
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &CaptureJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &CaptureJob::onFinished);
    connect(m_reply, &QNetworkReply::requestSent, &m_connectTimer, &QTimer::stop);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            m_tlsErrors += (m_tlsErrors.empty() ? "" : "; ") + toStd(e.errorString());
    });
    m_clock.start();
    m_connectTimer.start(m_timeouts.connectSeconds * 1000);
    m_transferTimer.start(((kind.timed ? m_request.seconds : 0) + m_timeouts.marginSeconds) * 1000);
    m_ticker.start();
    tick();
}

void CaptureJob::cancel()
{
    if (m_done)
        return;
    m_stopReason = "cancelled";
    if (m_reply)
        m_reply->abort();
}

void CaptureJob::tick()
{
    int remaining = -1;
    if (kindInfo(m_request.kind).timed)
        remaining = std::max(0, int((m_request.seconds * 1000 - m_clock.elapsed() + 999) / 1000));
    emit progress(m_bytes, remaining);
}

void CaptureJob::onReadyRead()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // an error page: read whole in onFinished, for the message
    const QByteArray chunk = m_reply->readAll();
    if (m_part.write(chunk) != chunk.size()) {
        m_stopReason = "cannot write " + toStd(m_part.fileName()) + ": " + toStd(m_part.errorString());
        m_reply->abort();
        return;
    }
    m_bytes += chunk.size();
    tick();
}

std::string CaptureJob::cutMessage() const
{
    return where() + " closed the connection after " + std::to_string(m_bytes) + " bytes of "
           + capturePath(m_request.kind, m_request.seconds) + ": the response was cut";
}

bool CaptureJob::endedShort() const
{
    // Qt usually reports a connection closed before Content-Length as RemoteHostClosedError, but
    // when the close arrives together with the last bytes it can finish with no error at all.
    // Content-Length counts encoded bytes, so only an unencoded body can be compared with it.
    if (m_reply->hasRawHeader("Content-Encoding"))
        return false;
    const QVariant declared = m_reply->header(QNetworkRequest::ContentLengthHeader);
    return declared.isValid() && declared.toLongLong() > m_bytes;
}

std::string CaptureJob::networkError() const
{
    const std::string path = capturePath(m_request.kind, m_request.seconds);
    switch (m_reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return "connection refused by " + where() + ": is the service running, and is this its port?";
    case QNetworkReply::HostNotFoundError:
        return "host not found: " + where();
    case QNetworkReply::RemoteHostClosedError:
        if (m_bytes > 0)
            return cutMessage();
        return where() + " closed the connection before answering " + path;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TooManyRedirectsError:
    default:
        break;
    }
    std::string message = toStd(m_reply->errorString());
    if (m_reply->error() == QNetworkReply::SslHandshakeFailedError || !m_tlsErrors.empty()) {
        message = "TLS failure with " + where() + ": " + (m_tlsErrors.empty() ? message : m_tlsErrors);
        if (m_baseUrl.rfind("https://", 0) == 0)
            message += " (if the service serves plain HTTP, use http://)";
        return message;
    }
    if (m_bytes > 0)
        return where() + ": " + path + " failed after " + std::to_string(m_bytes) + " bytes: " + message;
    return where() + ": " + path + " failed: " + message;
}

void CaptureJob::onFinished()
{
    if (m_done)
        return;
    m_connectTimer.stop();
    m_transferTimer.stop();
    m_ticker.stop();
    const std::string path = capturePath(m_request.kind, m_request.seconds);
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_stopReason == "cancelled") {
        CaptureResult r {m_request, {}, m_bytes, "cancelled", true};
        return done(std::move(r));
    }
    if (!m_stopReason.empty())
        return fail(m_stopReason);
    if (status == 404)
        return fail(where() + " does not serve " + path.substr(0, path.find('?'))
                    + " (HTTP 404): is net/http/pprof imported, and served at /debug/pprof/?");
    if (status != 0 && status != 200) {
        const QByteArray body = m_reply->read(kErrorBodyBytes).trimmed();
        const std::string reason = toStd(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        std::string message = where() + " answered " + path + " with HTTP " + std::to_string(status)
                              + (reason.empty() ? "" : " " + reason);
        if (!body.isEmpty()) {
            const qsizetype end = body.indexOf('\n');
            const std::string firstLine = (end < 0 ? body : body.left(end)).toStdString();
            message += ": " + escapeCaptureText(firstLine, kQuotedCaptureChars);
        }
        return fail(message);
    }
    if (m_reply->error() != QNetworkReply::NoError)
        return fail(networkError());
    onReadyRead(); // whatever arrived with the finish
    if (!m_stopReason.empty())
        return fail(m_stopReason);
    if (endedShort())
        return fail(cutMessage());
    m_part.close();
    const KindInfo& kind = kindInfo(m_request.kind);
    const std::string mismatch = bodyMismatch(toStd(m_part.fileName()), m_request.kind);
    if (!mismatch.empty())
        return fail(where() + " answered " + path + " with " + mismatch + ", not " + (kind.label[0] == 'e' ? "an " : "a ")
                    + kind.label);
    const QString final = unusedPath(QString::fromStdString(m_folder),
                                     captureFileName(m_baseUrl, m_request.kind, m_startTime), kind.suffix);
    if (!m_part.rename(final))
        return fail("cannot rename " + toStd(m_part.fileName()) + " to " + toStd(final) + ": "
                    + toStd(m_part.errorString()));
    CaptureResult r {m_request, toStd(final), m_bytes, {}, false};
    m_part.setFileName(QString()); // saved: the destructor must leave it
    done(std::move(r));
}

void CaptureJob::fail(const std::string& message)
{
    done(CaptureResult {m_request, {}, m_bytes, message, false});
}

void CaptureJob::done(CaptureResult result)
{
    m_done = true;
    m_connectTimer.stop();
    m_transferTimer.stop();
    m_ticker.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (!result.ok()) {
        if (m_part.isOpen())
            m_part.close();
        if (!m_part.fileName().isEmpty())
            m_part.remove();
        m_part.setFileName(QString());
    }
    emit finished(result);
}

} // namespace gs::capture
