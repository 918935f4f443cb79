package app

import (
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The deadlines of casework (PM-05, PM-06, PM-08), in working days where
// the rules say so (tochuc.AddWorkingDays: Monday to Friday).

// CeremonyDue is the last day for the admission ceremony (PM-05).
func CeremonyDue(admitted tochuc.Date) tochuc.Date { return tochuc.AddWorkingDays(admitted, 30) }

// RecognitionDue is the end of the 12 months of probation (PM-06).
func RecognitionDue(admitted tochuc.Date) tochuc.Date { return tochuc.AddMonths(admitted, 12) }

// RecognitionOverdue is the last day to consider recognition (PM-06).
func RecognitionOverdue(admitted tochuc.Date) tochuc.Date {
	return tochuc.AddWorkingDays(RecognitionDue(admitted), 30)
}

// TransferArrivalDue is the last day to present the letter (PM-08).
func TransferArrivalDue(sent tochuc.Date) tochuc.Date { return sent.AddDays(30) }

func timeMonth(m int) time.Month { return time.Month(m) }
