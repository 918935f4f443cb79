package web

import (
	"net/url"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The links to a record's page. An id is one path segment, escaped with
// url.PathEscape: most unit codes hold a "/" (VN1-07444/DU), which becomes
// %2F, and ServeMux matches the escaped path segment by segment, so that
// /don-vi/{id} and /don-vi/{id}/truc-thuoc receive the whole id. Every page
// and every redirect builds its links here.

// unitPath is the page of a unit.
func unitPath(id string) string { return "/don-vi/" + url.PathEscape(id) }

// personPath is the page of a person.
func personPath(id string) string { return "/nhan-su/" + url.PathEscape(id) }

// indicatorPath is the page of the records behind an indicator.
func indicatorPath(id string) string { return "/chi-tieu/" + url.PathEscape(id) }

// onDate adds the page date to a path.
func onDate(path string, d tochuc.Date) string { return path + "?ngay=" + url.QueryEscape(d.String()) }

// linkFuncs are the template functions that build links: unitURL and
// personURL (id, date), indicatorPath, unitPath and personPath (id), at
// (path, date).
var linkFuncs = map[string]any{
	"unitURL":       func(id string, d tochuc.Date) string { return onDate(unitPath(id), d) },
	"personURL":     func(id string, d tochuc.Date) string { return onDate(personPath(id), d) },
	"indicatorPath": indicatorPath,
	"unitPath":      unitPath,
	"personPath":    personPath,
	"documentPath":  documentPath,
	"at":            onDate,
}
