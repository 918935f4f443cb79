package tochuc

import (
	"math"
	"strconv"
	"strings"
)

// Directive documents in force, the tasks they assign and the targets they
// set (bundle-v1 amendment 3).

// Task statuses on a date (document_tasks.csv).
const (
	TaskDone     = "done"
	TaskDoneLate = "done_late"
	TaskOverdue  = "overdue"
	TaskOpen     = "open"
)

// TaskStatuses are the statuses of a task on a date, in the order a list shows them.
var TaskStatuses = []string{TaskOverdue, TaskOpen, TaskDoneLate, TaskDone}

// Target statuses on a date (document_targets.csv).
const (
	TargetMet     = "met"
	TargetMissed  = "missed"
	TargetOnTrack = "on_track"
	TargetBehind  = "behind"
)

// TargetStatuses are the statuses of a target on a date.
var TargetStatuses = []string{TargetMissed, TargetBehind, TargetOnTrack, TargetMet}

// TargetOps are the comparisons a target may set.
var TargetOps = []string{">=", "<=", "="}

// DocumentInForce reports whether a document is in force on d: effective ≤ d
// < expires (expires 0: open), and no document replacing it has taken effect
// on or before d (replacedOn: the earliest day a replacing document took
// effect, 0 when none did). effective 0 means the issue date, which the
// caller passes instead.
func DocumentInForce(effective, expires, replacedOn, d Date) bool {
	if effective == 0 || d < effective {
		return false
	}
	if expires != 0 && d >= expires {
		return false
	}
	return replacedOn == 0 || d < replacedOn
}

// TaskStatus is a task's status on d, given its deadline and the day it was
// reported done (0: not done).
func TaskStatus(due, done, d Date) string {
	if done != 0 && done <= d {
		if done <= due {
			return TaskDone
		}
		return TaskDoneLate
	}
	if due < d {
		return TaskOverdue
	}
	return TaskOpen
}

// TaskDueSoon reports whether a task still open on d falls due within the
// next days days (the due list's "sắp đến hạn").
func TaskDueSoon(due, d Date, days int) bool {
	return due >= d && due <= d.AddDays(days)
}

// TargetMeasuredOn is the day a target is measured when evaluated on d:
// the earlier of d and its due date.
func TargetMeasuredOn(due, d Date) Date {
	if d < due {
		return d
	}
	return due
}

// RoundActual rounds an indicator's value to the 6 decimals the amendment
// compares.
func RoundActual(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// TargetHolds reports whether actual op value holds, both taken to 6 decimals.
func TargetHolds(actual float64, op string, value float64) bool {
	a, v := math.Round(actual*1e6), math.Round(value*1e6)
	switch op {
	case ">=":
		return a >= v
	case "<=":
		return a <= v
	case "=":
		return a == v
	}
	return false
}

// TargetStatus is a target's status on d, given its due date and whether it
// holds on its measuring day.
func TargetStatus(due, d Date, holds bool) string {
	switch {
	case d >= due && holds:
		return TargetMet
	case d >= due:
		return TargetMissed
	case holds:
		return TargetOnTrack
	}
	return TargetBehind
}

// ParseNumber reads a target's value: a decimal with a point or a
// Vietnamese comma ("0.7", "0,7", "1186"; no thousands separators).
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
	if s == "" || strings.ContainsAny(s, "eEx_pP") {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// FormatNumber writes a number as the bundle stores it: a point, no
// exponent, no trailing zeros.
func FormatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func init() {
	labels["task_status"] = map[string]string{TaskDone: "Đã hoàn thành", TaskDoneLate: "Hoàn thành chậm",
		TaskOverdue: "Quá hạn", TaskOpen: "Đang thực hiện"}
	labels["target_status"] = map[string]string{TargetMet: "Đạt", TargetMissed: "Không đạt",
		TargetOnTrack: "Đúng tiến độ", TargetBehind: "Chậm tiến độ"}
	labels["target_op"] = map[string]string{">=": "Đạt từ", "<=": "Không quá", "=": "Bằng"}
}
