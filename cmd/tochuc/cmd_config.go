package main

import "context"

// runConfig prints the configuration serve would run with, given the same
// flags, with secrets redacted.
func runConfig(ctx context.Context, e *env, args []string) error {
	c, err := serveConfig(e, "config", "[tùy chọn của serve]", args)
	if err != nil {
		return err
	}
	return c.print(e.stdout)
}
