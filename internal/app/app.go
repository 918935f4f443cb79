// Package app is tochuc's use-case layer: what a person can do with the
// registry — import, edit, restructure, export, read within a scope, keep
// accounts — each as one transaction with one scope policy and one audit
// rule. The command line and the web app are adapters that call it; storage
// (sqldb) only stores.
package app

import (
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// App holds what the use cases share.
type App struct {
	db     *sqldb.DB
	log    *slog.Logger
	today  func() tochuc.Date
	scopes scopeCache
	checks checkCache
	// importing counts the imports running in this process.
	importing atomic.Int32
}

// New returns the use cases over a database.
func New(db *sqldb.DB, log *slog.Logger) *App {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &App{db: db, log: log, today: tochuc.Today, checks: newCheckCache(checkCacheBytes)}
}

// DB returns the database (for adapters that read through it).
func (a *App) DB() *sqldb.DB { return a.db }

// Actor is who acts: an account (with its role and scope) and where from.
// The command line acts as an administrator named "cli:NAME".
type Actor struct {
	User tochuc.User
	IP   string
}

// CLI returns the actor of a command run by the operating-system user name:
// it may change every record, as whoever holds the database file can.
func CLI(name string) Actor {
	return Actor{User: tochuc.User{Login: "cli:" + name, FullName: name, Role: tochuc.RoleAdmin}}
}

// whole reports whether the actor's scope is the whole registry.
func (a Actor) whole() bool { return a.User.WholeRegistry() }

// scopeCache keeps the scope maps of the last few (scope, registry version)
// pairs: computing one reads every unit of the scope.
type scopeCache struct {
	mu      sync.Mutex
	entries []scopeEntry
}

type scopeEntry struct {
	unit    string
	version int64
	sm      *tochuc.ScopeMap
}

const scopeCacheSize = 16

func (c *scopeCache) get(unit string, version int64) *tochuc.ScopeMap {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.entries {
		if e.unit == unit && e.version == version {
			return e.sm
		}
	}
	return nil
}

func (c *scopeCache) put(unit string, version int64, sm *tochuc.ScopeMap) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = append(c.entries, scopeEntry{unit, version, sm})
	if len(c.entries) > scopeCacheSize {
		c.entries = c.entries[len(c.entries)-scopeCacheSize:]
	}
}
