package main

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"
)

// table is the markdown report: a table of steps, then the pages'.
type table struct {
	b       strings.Builder
	inSteps bool
}

func (t *table) head(format string, args ...any) {
	fmt.Fprintf(&t.b, "### "+format+"\n\n", args...)
}

// row adds a step with its figure and a note.
func (t *table) row(step, figure, note string) {
	if !t.inSteps {
		if strings.HasSuffix(t.b.String(), "|\n") {
			t.b.WriteString("\n")
		}
		t.b.WriteString("| step | figure | note |\n|---|---|---|\n")
		t.inSteps = true
	}
	fmt.Fprintf(&t.b, "| %s | %s | %s |\n", step, figure, note)
}

// section starts a new table with a title.
func (t *table) section(format string, args ...any) {
	t.inSteps = false
	fmt.Fprintf(&t.b, "\n"+format+"\n\n", args...)
}

// cols adds a row of cells; the first call after section writes the header.
func (t *table) cols(cells ...string) {
	line := "| " + strings.Join(cells, " | ") + " |\n"
	if !strings.HasSuffix(t.b.String(), "|\n") {
		t.b.WriteString(line + strings.Repeat("|---", len(cells)) + "|\n")
		return
	}
	t.b.WriteString(line)
}

func (t *table) String() string { return t.b.String() + "\n" }

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func ms(d time.Duration) string { return fmt.Sprintf("%d ms", d.Milliseconds()) }

func mib(b int64) string { return fmt.Sprintf("%d MiB", b>>20) }

// thousands writes n with commas.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// maxRSS returns the peak resident memory of a finished process, in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss << 10 // kB on Linux
	}
	return 0
}

// loadavg returns the machine's load average, which the figures depend on.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	return "load average " + strings.Join(f[:min(3, len(f))], " ")
}
