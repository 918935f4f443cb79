package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/tochuc/tochuc/internal/sqldb"
)

// purgeEvery is how often serve deletes ended sessions and stale sign-in counts.
const purgeEvery = 10 * time.Minute

// purgeLoop deletes, now and every interval until ctx ends, the sessions that
// have ended and the sign-in limiter's counts that have expired. A failure is
// logged and tried again at the next tick.
func purgeLoop(ctx context.Context, db *sqldb.DB, log *slog.Logger, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := db.DeleteExpiredSessions(ctx); err != nil {
			log.Warn("purge sessions", "err", err)
		} else if n > 0 {
			log.Debug("purged sessions", "n", n)
		}
		if n, err := db.PurgeLimits(ctx, time.Now()); err != nil {
			log.Warn("purge sign-in limits", "err", err)
		} else if n > 0 {
			log.Debug("purged sign-in limits", "n", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
