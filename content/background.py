"""Background work that survives failures (docs/background-tasks.md).

- `retried_task()`: django-tasks' `@task()` plus a retry policy, which neither django-tasks
  nor its database backend has: when the function raises, a queued backend gets a new attempt
  after `TASK_RETRY_DELAYS[n]` seconds, up to `len(TASK_RETRY_DELAYS) + 1` attempts. Each
  failed attempt stays recorded (status FAILED, exception, traceback); the next one names it
  in its `_retry_of` argument, so the admin shows only the tasks nothing will try again.
- `DatabaseBackend`: the database queue, which never breaks the request that enqueues: when
  the queue itself fails, the task runs in-process, as with the embedded default, logged.
- `in_task()`: whether one of those tasks is running (its e-mails then skip the queue).
- `failed_tasks()` / `relaunch()`: what the admin screen « Tâches en échec » lists and does.
"""

import contextvars
import datetime
import logging

import django_tasks_db
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks.backends.immediate import ImmediateBackend

logger = logging.getLogger("capnum.tasks")

# Reserved keyword arguments of a retried task: the attempt number and the failed attempt
# this one replaces (stored with the task's own arguments, so visible in the admin).
ATTEMPT = "_attempt"
RETRY_OF = "_retry_of"

# Set while one of our tasks runs: its e-mails go straight to the mail server
# (content/mail.py), so a refusal fails this task, which retries.
_running_task = contextvars.ContextVar("capnum_running_task", default=False)


def in_task():
    return _running_task.get()


def max_attempts():
    return len(settings.TASK_RETRY_DELAYS) + 1


def retried_task(**options):
    """Decorator: a task (same options as `@task()`) retried on failure. The function itself
    must be safe to run again: it should skip what an earlier attempt already did."""

    def decorator(func):
        def run(context, *args, **kwargs):
            attempt = kwargs.pop(ATTEMPT, 1)
            kwargs.pop(RETRY_OF, None)
            token = _running_task.set(True)
            try:
                return func(*args, **kwargs)
            except Exception:
                schedule_retry(context.task_result, attempt)
                raise
            finally:
                _running_task.reset(token)

        # Not functools.wraps: django-tasks reads the signature (`context` first) and would
        # follow __wrapped__ to the function's own.
        for name in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(run, name, getattr(func, name))
        return task(takes_context=True, **options)(run)

    return decorator


def schedule_retry(task_result, attempt):
    """Queue the next attempt of a failed one, if the policy and the backend allow it."""
    delays = settings.TASK_RETRY_DELAYS
    task_ = task_result.task
    if attempt > len(delays) or not task_.get_backend().supports_defer:
        return None
    run_after = timezone.now() + datetime.timedelta(seconds=delays[attempt - 1])
    kwargs = {**task_result.kwargs, ATTEMPT: attempt + 1, RETRY_OF: str(task_result.id)}
    try:
        with transaction.atomic():
            return task_.using(run_after=run_after).enqueue(*task_result.args, **kwargs)
    except Exception:
        logger.exception("Could not queue attempt %d of task %s", attempt + 1, task_result.id)
        return None


class DatabaseBackend(django_tasks_db.DatabaseBackend):
    """django-tasks-db's backend (production's `TASKS_BACKEND=database`), except that a
    failing queue never fails the caller, whoever enqueues (our code or Wagtail's index and
    reference updates on every save). The task row is written in the caller's transaction,
    inside a savepoint: it becomes visible to the worker with the data it refers to, and when
    writing it fails the error is logged and the task runs here, once, as with the embedded
    default, so a registration is kept and its e-mail still goes out."""

    def enqueue(self, task_, args, kwargs):
        self.validate_task(task_)
        try:
            with transaction.atomic():
                return super().enqueue(task_, args, kwargs)
        except Exception:
            if task_.run_after is not None:  # a deferred retry cannot run now
                raise
            logger.exception("Task queue failing: running %s in-process", task_.module_path)
        return ImmediateBackend(alias=self.alias, params={}).enqueue(task_, args, kwargs)


# -- the admin screen ----------------------------------------------------------------------


def queue_in_database():
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], django_tasks_db.DatabaseBackend)


def failed_tasks(limit=200):
    """Failed tasks that nothing will try again (no later attempt queued), newest first,
    each with `attempt` (its number) and `error` (the exception's last line)."""
    from django_tasks_db.models import DBTaskResult

    retried = {
        str(value)
        for value in DBTaskResult.objects.filter(args_kwargs__kwargs__has_key=RETRY_OF).values_list(
            f"args_kwargs__kwargs__{RETRY_OF}", flat=True
        )
    }
    rows = []
    for result in DBTaskResult.objects.failed().order_by("-finished_at"):
        if str(result.id) in retried:
            continue
        kwargs = result.args_kwargs.get("kwargs", {})
        result.attempt = kwargs.get(ATTEMPT, 1)
        lines = [line for line in result.traceback.strip().splitlines() if line.strip()]
        result.error = lines[-1] if lines else result.exception_class_path
        rows.append(result)
        if len(rows) >= limit:
            break
    return rows


def relaunch(result_id):
    """Put a failed task back in the queue, as it was (one more attempt, as soon as a worker
    is free). Returns whether it was still failed (two administrators may click at once)."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    return bool(
        DBTaskResult.objects.filter(pk=result_id, status=TaskResultStatus.FAILED).update(
            status=TaskResultStatus.READY,
            run_after=get_date_max(),
            started_at=None,
            finished_at=None,
            return_value=None,
            exception_class_path="",
            traceback="",
        )
    )
