package main

import (
	"fmt"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/demo"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/vnadmin"
)

// demoBundle returns the demo data: the province of Bắc Giang from 1997 to
// today (internal/demo), with seed 1.
func demoBundle() (bundle.Source, error) {
	t, err := demo.Build(1)
	if err != nil {
		return nil, fmt.Errorf("tỉnh mẫu: %w", err)
	}
	return t, nil
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

// demoAccounts are the accounts `serve --demo` creates: one per role, staff
// limited to the old province and to one district, a viewer limited to the
// new province of 2025. The provincial board's staff does cadre work and may
// read confidential records; the district staff, the viewer and the auditor
// may not.
func demoAccounts() []demoAccount {
	return []demoAccount{
		{"quantri", "Quản trị hệ thống", tochuc.RoleAdmin, "", "quantri-mau-2026", false},
		{"canbo", "Cán bộ Ban Tổ chức Tỉnh ủy Bắc Giang", tochuc.RoleStaff, vnadmin.OldID("24"), "canbo-mau-2026", true},
		{"canbohuyen", "Cán bộ Ban Tổ chức Huyện ủy Lục Nam", tochuc.RoleStaff, vnadmin.OldID("218"), "canbohuyen-mau-2026", false},
		{"nguoixem", "Người xem (Tỉnh Bắc Ninh mới)", tochuc.RoleViewer, vnadmin.NewID("24"), "nguoixem-mau-2026", false},
		{"kiemtra", "Kiểm tra viên", tochuc.RoleAuditor, "", "kiemtra-mau-2026", false},
	}
}
