package main

import (
	"fmt"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/vnadmin"
)

// demoBundle returns the demo data: the real administrative units of Vietnam
// before and after the 2025 reform.
func demoBundle() (bundle.Source, error) {
	vn, err := vnadmin.Bundle()
	if err != nil {
		return nil, fmt.Errorf("dữ liệu đơn vị hành chính: %w", err)
	}
	return bundle.Tables{"units": vn.Units, "restructure": vn.Restructure, "documents": vn.Documents}, nil
}

// bundleOptions shows a progress line when stderr is a terminal.
func bundleOptions(e *env) bundle.Options {
	var opt bundle.Options
	if isTerminal(e.stderr) {
		opt.Progress = func(file string, rows int) {
			fmt.Fprintf(e.stderr, "\r\033[Kđang đọc %s: %d dòng", file, rows)
		}
	}
	return opt
}

// demoAccounts are the accounts `serve --demo` creates: one per role, and
// staff and viewers limited to one province each.
func demoAccounts() []demoAccount {
	return []demoAccount{
		{"quantri", "Quản trị hệ thống", tochuc.RoleAdmin, "", "quantri-mau-2026"},
		{"canbo", "Cán bộ Ban Tổ chức (Bắc Giang)", tochuc.RoleStaff, vnadmin.OldID("24"), "canbo-mau-2026"},
		{"nguoixem", "Người xem (Bắc Ninh cũ)", tochuc.RoleViewer, vnadmin.OldID("27"), "nguoixem-mau-2026"},
		{"kiemtra", "Kiểm tra viên", tochuc.RoleAuditor, "", "kiemtra-mau-2026"},
	}
}
