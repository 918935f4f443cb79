// Package web serves the registry to the board's staff: server-rendered
// Vietnamese pages and, from the same handlers, a JSON API under /api/v1.
// Every page shows the state on a chosen date ("Xem theo ngày") and only
// what lies inside the signed-in user's scope.
package web

import (
	"context"
	"crypto/ed25519"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
	"sync"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is what the web app is built from.
type Config struct {
	// App is the use-case layer: every write, and the scope policy of reads.
	App *app.App
	// Registry reads the registry as recorded now.
	Registry Registry
	Accounts Accounts
	Log      *slog.Logger
	// Limits keeps the sign-in limiter's counts. Give the database (a
	// *sqldb.DB) so that every process serving it shares them; nil keeps them
	// in this process's memory.
	Limits auth.LimitStore
	// Jobs keeps the import jobs; nil: Accounts, when it is one (*sqldb.DB
	// is). Give the database so that every process serving it shares them.
	Jobs JobStore
	// Ready checks that the database answers, for /readyz; nil: the
	// PingContext of Accounts, when it has one (*sqldb.DB has).
	Ready func(ctx context.Context) error
	// SecureCookies marks the session cookie Secure and turns HSTS on (behind HTTPS).
	SecureCookies bool
	// TrustedProxies are the reverse proxies in front of the server: a
	// request from one of them is counted (sign-in limiter, audit log) from
	// the address it forwards for (X-Forwarded-For). None: the peer's address.
	TrustedProxies []netip.Prefix
	// RequestTimeout is each request's time budget (default DefaultRequestTimeout):
	// past it, or when the client leaves, its queries are cancelled and it is
	// answered 503. Exports and uploads have ExportTimeout.
	RequestTimeout time.Duration
	// SignKey signs the .zip packages downloaded from /xuat?chu_ky=1 (a
	// manifest.json naming the account's scope); nil: no signing offered.
	SignKey ed25519.PrivateKey
}

// The default time budgets of requests. Sign-in and the authentication of
// each request (a password hash, a few rows read by key) have authTimeout,
// whatever RequestTimeout is.
const (
	DefaultRequestTimeout = 30 * time.Second
	ExportTimeout         = 10 * time.Minute
	authTimeout           = 15 * time.Second
)

// Server holds what the handlers share.
type Server struct {
	app           *app.App
	signKey       ed25519.PrivateKey // signs the package exports (nil: none)
	registry      Registry
	accounts      Accounts
	jobs          JobStore
	worker        string        // this process, as the import jobs it runs name it
	jobBeat       time.Duration // how often a job running here says so
	runs          sync.Map      // job id → *jobRun: the jobs this process runs
	log           *slog.Logger
	pages         map[string]*template.Template
	reports       *reportCache
	compares      *compareCache
	explains      *explainCache
	trends        *trendCache
	trees         *treeCache
	people        *peopleCache
	limiter       *auth.Limiter
	ready         func(ctx context.Context) error
	secureCookies bool
	budget        time.Duration
	proxies       []netip.Prefix
}

// pageNames are the templates, each parsed with the layout at start-up.
var pageNames = []string{"tree.html", "unit.html", "error.html", "people.html", "person.html", "documents.html",
	"compare.html", "login.html", "edit.html", "audit.html", "import.html", "upload.html", "restructure.html", "dashboard.html", "explain.html", "units.html", "findings.html", "pick.html",
	"appointments.html", "discipline.html",
	"accounts.html",
	"planning.html", "terms.html", "planning_nominee.html",
	"evaluation.html", "evalsummary.html", "evalhistory.html",
	"partystats.html",
	"casework.html", "casework_due.html", "casework_hub.html",
	"dues.html",
	"keys.html",
	"tasks.html", "targets.html",
	"document.html",
	"restructure_drafts.html", "restructure_draft.html", "restructure_compare.html"}

// New parses every template (so a broken one fails at start-up) and returns the server.
func New(cfg Config) (*Server, error) {
	limits := cfg.Limits
	if limits == nil {
		limits = auth.NewMemoryLimits()
	}
	s := &Server{app: cfg.App, registry: cfg.Registry, accounts: cfg.Accounts, log: cfg.Log, pages: map[string]*template.Template{},
		limiter: auth.NewLimiter(limits), ready: cfg.Ready, secureCookies: cfg.SecureCookies, budget: cfg.RequestTimeout,
		reports: newReportCache(reportCacheBytes), compares: newCompareCache(compareCacheBytes),
		explains: newExplainCache(explainCacheBytes), trends: newTrendCache(trendCacheBytes), trees: newTreeCache(treeCacheBytes), people: newPeopleCache(peopleCacheBytes),
		jobs: cfg.Jobs, worker: workerName(), jobBeat: defaultJobBeat, proxies: cfg.TrustedProxies, signKey: cfg.SignKey}
	if js, ok := cfg.Accounts.(JobStore); ok && s.jobs == nil {
		s.jobs = js
	}
	if s.jobs == nil {
		return nil, errors.New("web: the import jobs need a store (Config.Jobs)")
	}
	if s.budget <= 0 {
		s.budget = DefaultRequestTimeout
	}
	if p, ok := cfg.Accounts.(interface{ PingContext(context.Context) error }); ok && s.ready == nil {
		s.ready = p.PingContext
	}
	for _, page := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partial_*.html", "templates/"+page)
		if err != nil {
			return nil, err
		}
		s.pages[page] = t
	}
	return s, nil
}

// Handler returns every route with authentication, CSRF protection, security
// headers, logging, and its request body limit (limits.go).
func (s *Server) Handler() http.Handler {
	private := http.NewServeMux()
	for _, rt := range s.routes() {
		h := s.limitBody(rt.MaxBody, s.deadline(s.budgetOf(rt), s.handle(rt.handler)))
		private.Handle(rt.Method+" "+rt.Page, h)
		if rt.API != "" {
			private.Handle(rt.Method+" "+rt.API, h)
		}
	}
	private.Handle("POST /dang-xuat", s.limitBody(smallBody, s.deadline(s.budget, s.handleLogout)))
	private.HandleFunc("GET /api/v1/openapi.json", s.handleOpenAPI)
	private.Handle("/api/", apiNotFound(private))
	private.Handle("/", s.pageNotFound(private))

	mux := http.NewServeMux()
	mux.HandleFunc("GET /dang-nhap", s.handleLoginForm)
	mux.Handle("POST /dang-nhap", s.limitBody(smallBody, s.deadline(authTimeout, s.handleLogin)))
	mux.HandleFunc("GET /healthz", s.handleHealthz)
	mux.HandleFunc("GET /readyz", s.handleReadyz)
	mux.Handle("GET /static/", staticFiles())
	mux.Handle("GET /static", staticFiles())
	mux.Handle("/", s.authenticate(private))
	return s.logged(secure(s.crossOrigin().Handler(mux), s.secureCookies))
}

// secure sets the security headers of every response; behind HTTPS (hsts),
// Strict-Transport-Security too.
func secure(h http.Handler, hsts bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		if hsts {
			hd.Set("Strict-Transport-Security", "max-age=31536000")
		}
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "+
			"frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) { w.status = code; w.ResponseWriter.WriteHeader(code) }

// Unwrap gives http.ResponseController the connection's writer (to extend
// an upload's read deadline).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: 200}
		h.ServeHTTP(sw, r)
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "duration", time.Since(start))
	})
}

// budgetOf is a route's time budget: long for exports and uploads.
func (s *Server) budgetOf(rt route) time.Duration {
	if rt.Page == "/xuat" || rt.MaxBody >= uploadBody || rt.MaxBody == attachBody {
		return max(s.budget, ExportTimeout)
	}
	return s.budget
}

// deadline gives a request its time budget: its context ends when the budget
// runs out or the client leaves, which cancels its queries; the handler then
// answers 503 (a fault with code ETimeout).
func (s *Server) deadline(budget time.Duration, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), budget)
		defer cancel()
		h(w, r.WithContext(ctx))
	}
}

// workerName names this process among those serving the database: its
// host, its process id and a random part.
func workerName() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), randomID()[:8])
}
