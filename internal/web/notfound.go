package web

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// allowedMethods are the methods routes serves the request's path with
// (none: no route has the path). catchAll is the pattern of the handler
// asking, which does not count.
func allowedMethods(routes *http.ServeMux, r *http.Request, catchAll string) []string {
	var allow []string
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		r2 := r.Clone(r.Context())
		r2.Method = m
		if _, pattern := routes.Handler(r2); pattern != "" && pattern != catchAll {
			allow = append(allow, m)
		}
	}
	return allow
}

// pageNotFound answers what no page serves, as the Vietnamese error page
// inside the layout: 405 with Allow when the path is served for other
// methods, 404 otherwise.
func (s *Server) pageNotFound(routes *http.ServeMux) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if allow := allowedMethods(routes, r, "/"); len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			d, _ := dateOf(r)
			if d == 0 {
				d = tochuc.Today()
			}
			s.render(w, r, "error.html", http.StatusMethodNotAllowed, page{Title: "Lỗi", Date: d,
				Data: "Trang này không nhận yêu cầu kiểu này. Hãy mở lại trang từ trình đơn."})
			return
		}
		s.fail(w, r, tochuc.Errorf(tochuc.ENotFound, "Không có trang này. Hãy kiểm tra lại địa chỉ, hoặc chọn một mục trong trình đơn."))
	}
}

// crossOrigin refuses a cross-origin form post (CSRF) with the Vietnamese
// error page, or the JSON error under /api/, rather than Go's English text.
func (s *Server) crossOrigin() *http.CrossOriginProtection {
	p := http.NewCrossOriginProtection()
	p.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, tochuc.Errorf(tochuc.EForbidden, "Yêu cầu gửi từ một trang khác bị từ chối, chưa ghi gì. Hãy mở lại trang và gửi lại."))
	}))
	return p
}

// recovered answers a handler's panic as a fault: logged with its cause,
// the Vietnamese error page (500) for the user, never a cut connection.
func (s *Server) recovered(w http.ResponseWriter, r *http.Request) {
	if v := recover(); v != nil {
		if v == http.ErrAbortHandler {
			panic(v)
		}
		s.fail(w, r, tochuc.Fault(tochuc.EInternal, "Lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo quản trị viên (lúc "+
			auditTime(time.Now())+").", fmt.Errorf("panic: %v", v)))
	}
}
