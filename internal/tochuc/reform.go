package tochuc

// Reform2025 is the day the district level ended and the communes were
// rearranged (2025-07-01): from it a commune is a xã, phường or đặc khu.
var Reform2025 = NewDate(2025, 7, 1)

// kindLabelsFrom are the labels a kind takes from a date on (bundle-v1
// amendment 2: labels follow the date).
var kindLabelsFrom = map[string]struct {
	from  Date
	label string
}{
	"commune": {Reform2025, "Xã, phường, đặc khu"},
}

// KindLabelOn returns the Vietnamese label of a unit kind as it reads on d
// (the code itself for an unknown kind).
func KindLabelOn(code string, d Date) string {
	if l, ok := kindLabelsFrom[code]; ok && d >= l.from {
		return l.label
	}
	if k, ok := LookupUnitKind(code); ok {
		return k.Label
	}
	return code
}

// KindLabelOn returns the label of the unit's kind as it reads on d.
func (u Unit) KindLabelOn(d Date) string { return KindLabelOn(u.Kind, d) }
