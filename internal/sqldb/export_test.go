package sqldb

import (
	"context"
	"database/sql"
)

// JobsDB gives the tests the database of the import jobs.
func (db *DB) JobsDB(ctx context.Context) (*sql.DB, error) { return db.jobsDB(ctx) }
