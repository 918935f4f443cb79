// Package web serves the registry as server-rendered Vietnamese HTML pages.
// Every page shows the state on a chosen date ("Xem theo ngày").
package web

import (
	"context"
	"embed"
	"html/template"
	"log/slog"
	"net/http"
	"time"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server holds what the handlers share.
type Server struct {
	registry func(ctx context.Context) Registry
	log      *slog.Logger
	pages    map[string]*template.Template
	people   peopleCache
}

// New parses every template (so a broken one fails at start-up) and returns the server.
func New(registry func(ctx context.Context) Registry, log *slog.Logger) (*Server, error) {
	s := &Server{registry: registry, log: log, pages: map[string]*template.Template{}}
	for _, page := range []string{"tree.html", "unit.html", "error.html", "people.html", "person.html", "documents.html", "compare.html"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+page)
		if err != nil {
			return nil, err
		}
		s.pages[page] = t
	}
	return s, nil
}

// Handler returns the routes with logging and security headers.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handleTree)
	mux.HandleFunc("GET /don-vi/{id}", s.handleUnit)
	mux.HandleFunc("GET /nhan-su", s.handlePeople)
	mux.HandleFunc("GET /nhan-su/{id}", s.handlePerson)
	mux.HandleFunc("GET /van-ban", s.handleDocuments)
	mux.HandleFunc("GET /so-sanh", s.handleCompare)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	mux.Handle("GET /static/", http.FileServerFS(staticFS))
	return s.logged(secure(mux))
}

// secure sets the security headers of every response.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("X-Frame-Options", "DENY")
		h.ServeHTTP(w, r)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) { w.status = code; w.ResponseWriter.WriteHeader(code) }

func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: 200}
		h.ServeHTTP(sw, r)
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "duration", time.Since(start))
	})
}
