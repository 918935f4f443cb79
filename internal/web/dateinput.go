package web

import (
	"fmt"
	"html/template"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// datePattern is what a date field takes: dd/mm/yyyy as people write it, or
// the ISO form (yyyy-mm-dd) a script or an older link sends.
const datePattern = `\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}`

// dateInput renders a date field as text in dd/mm/yyyy, whatever the
// browser's locale (an <input type="date"> shows mm/dd/yyyy to a browser set
// to English). value is a date in either form, or empty; attrs are added as
// they are (id, required …, written by the template, never by a user).
func dateInput(name, value string, attrs ...string) template.HTML {
	if d, err := tochuc.ParseDateLoose(value); err == nil && d != 0 {
		value = d.Vietnamese()
	}
	extra := ""
	for _, a := range attrs {
		extra += " " + template.HTMLEscapeString(a)
	}
	return template.HTML(fmt.Sprintf(`<input type="text" class="date" name="%s" value="%s" inputmode="numeric" `+
		`placeholder="dd/mm/yyyy" pattern="%s" title="Ngày dạng dd/mm/yyyy, ví dụ 01/07/2025" size="10" autocomplete="off"%s>`,
		template.HTMLEscapeString(name), template.HTMLEscapeString(value), template.HTMLEscapeString(datePattern), extra))
}
