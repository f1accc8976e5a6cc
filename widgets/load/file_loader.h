// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "widgets/common/job_runner.h"
#include "widgets/trace/trace_views.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <stop_token>

class QTimer;

namespace gs::ui {

// Loads a capture with gs::loadFile on a worker thread, and for an execution trace prepares its
// views' parts there too (prepareTraceViews), so the GUI thread only hands them over. Progress travels through an atomic that a
// GUI-side timer polls, so the worker never calls into a QObject; cancel() requests a stop through
// the LoadContext's stop_token and drops the result. Starting a new load cancels the previous one.
// Exactly one of loadFinished / loadFailed / loadCancelled follows each load().
class FileLoader : public QObject
{
    Q_OBJECT
public:
    explicit FileLoader(QObject* parent = nullptr);
    ~FileLoader() override;

    // Whether a trace's views are prepared: a trace loaded only to be compared with needs none.
    enum class Views
    {
        Prepare,
        Skip,
    };

    void load(const QString& path, Views views = Views::Prepare);
    void cancel();
    bool isLoading() const { return m_active != nullptr; }
    const QString& path() const { return m_path; }

signals:
    void loadStarted(const QString& path);
    // Fraction done, 0..1.
    void progressChanged(double fraction);
    // `views` is null unless the store has a trace and load() was asked to prepare them.
    void loadFinished(const gs::StorePtr& store, const gs::ui::TraceViewsPtr& views, const QString& path);
    void loadFailed(const QString& message, const QString& path);
    void loadCancelled(const QString& path);

private:
    struct Shared
    {
        std::stop_source stop;
        std::atomic<uint32_t> permille {0};
    };

    void pollProgress();
    void finish();

    JobRunner m_jobs;
    QTimer* m_progressTimer = nullptr;
    std::shared_ptr<Shared> m_active;
    QString m_path;
};

} // namespace gs::ui
