package main

import (
	"fmt"

	"github.com/tochuc/tochuc/internal/bundle"
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
