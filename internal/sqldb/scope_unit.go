package sqldb

import "context"

// ScopeUnitHeld refuses, with EInvalid, a scope unit the registry does not
// hold; an account's scope is checked before its password is asked.
func (db *DB) ScopeUnitHeld(ctx context.Context, id string) error {
	return db.checkScopeUnit(ctx, db.DB, id)
}
