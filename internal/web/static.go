package web

import (
	"io/fs"
	"net/http"
	"strings"
)

// staticFiles serves the embedded static files, to anyone (the sign-in page
// needs them), and nothing else: a folder is 404, never listed.
func staticFiles() http.Handler {
	files := http.FileServerFS(staticFS)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if fi, err := fs.Stat(staticFS, name); err != nil || fi.IsDir() {
			http.Error(w, "không có tệp này", http.StatusNotFound)
			return
		}
		files.ServeHTTP(w, r)
	})
}
