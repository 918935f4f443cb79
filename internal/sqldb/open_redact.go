package sqldb

import (
	"regexp"
	"strings"
)

// Redact returns a --db value fit for messages and logs: every password
// hidden. In a URL: the password of the user information, and the value of
// any query parameter whose name holds "password" (password=, sslpassword=);
// the fragment is dropped. In any other form, password=VALUE. It works on
// the text, so that a value a URL parser refuses is hidden too.
func Redact(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return passwordParam.ReplaceAllString(dsn, "${1}***")
	}
	rest, _, _ = strings.Cut(rest, "#")
	authority, query, hasQuery := strings.Cut(rest, "?")
	if at := strings.LastIndex(authority, "@"); at >= 0 {
		if user, _, hasPw := strings.Cut(authority[:at], ":"); hasPw {
			authority = user + ":***" + authority[at:]
		}
	}
	if !hasQuery {
		return scheme + "://" + authority
	}
	params := strings.Split(query, "&")
	for i, p := range params {
		if name, _, _ := strings.Cut(p, "="); strings.Contains(strings.ToLower(name), "password") {
			params[i] = name + "=***"
		}
	}
	return scheme + "://" + authority + "?" + strings.Join(params, "&")
}

// passwordParam finds password=VALUE in a key=value connection string.
var passwordParam = regexp.MustCompile(`(?i)(\b\w*password\s*=\s*)('[^']*'|\S+)`)

// redact is Redact, for messages of this package.
func redact(dsn string) string { return Redact(dsn) }
