package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// runBackup writes a consistent copy of the database while it runs.
func runBackup(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "backup", "[--format sqlite|dump] ĐƯỜNG_DẪN (tệp mới)")
	format := fs.String("format", "", "định dạng: sqlite (tệp cơ sở dữ liệu SQLite, mặc định với SQLite) hoặc dump (tochuc-backup/1, mặc định với PostgreSQL)")
	pos, err := parseAll(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usageError{"cần đúng một đường dẫn tệp sao lưu"}
	}
	db, err := openDB(ctx, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	if *format == "" {
		*format = db.DefaultBackupFormat()
	}
	info, err := db.Backup(ctx, pos[0], *format)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "đã sao lưu %s vào %s (%s)\n", db.Redacted(), pos[0], describeBackup(info))
	return nil
}

// runRestore loads a backup into an empty database.
func runRestore(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "restore", "ĐƯỜNG_DẪN (tệp sao lưu SQLite hoặc dump, của SQLite hoặc PostgreSQL)")
	pos, err := parseAll(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usageError{"cần đúng một tệp sao lưu"}
	}
	db, err := openDB(ctx, e, true)
	if err != nil {
		return err
	}
	defer db.Close()
	info, err := db.Restore(ctx, pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "đã khôi phục %s vào %s (%s)\n", pos[0], db.Redacted(), describeBackup(info))
	return nil
}

// describeBackup says in Vietnamese what a backup holds.
func describeBackup(info sqldb.BackupInfo) string {
	parts := []string{"định dạng " + info.Format, "từ " + info.Engine}
	if n := len(info.Schema); n > 0 {
		parts = append(parts, "lược đồ "+strconv.Itoa(info.Schema[n-1]))
	}
	if info.RecordedAt != 0 {
		parts = append(parts, "ghi nhận đến "+time.UnixMicro(info.RecordedAt).Local().Format("02/01/2006 15:04:05"))
	}
	if info.Tables > 0 {
		parts = append(parts, tochuc.FormatInt(info.Tables)+" bảng", tochuc.FormatInt(int(info.Rows))+" hàng")
	}
	return strings.Join(parts, ", ")
}
