package main

import (
	"context"
	"fmt"
)

func runMigrate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "migrate", "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := openDB(ctx, e, true)
	if err != nil {
		return err
	}
	defer db.Close()
	done, err := db.Migrate(ctx)
	if err != nil {
		return err
	}
	applied, _, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	for _, name := range done {
		fmt.Fprintln(e.stdout, "đã áp dụng", name)
	}
	fmt.Fprintf(e.stdout, "lược đồ ở phiên bản %d (%s, %s)\n", applied, db.Dialect, db.Redacted())
	return nil
}
