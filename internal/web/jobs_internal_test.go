package web

import (
	"os"
	"testing"
	"time"
)

// TestJobsSweep: a job older than a day is forgotten and its folder removed
// (a bundle checked and never imported); a younger one is kept.
func TestJobsSweep(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	var j jobs
	dirs := map[string]string{}
	for id, age := range map[string]time.Duration{"old": 25 * time.Hour, "young": time.Hour} {
		dir, err := os.MkdirTemp("", uploadPrefix)
		if err != nil {
			t.Fatal(err)
		}
		dirs[id] = dir
		j.add(&importJob{ID: id, Phase: "checked", dir: dir, started: time.Now().Add(-age)})
	}
	if j.get("old") != nil || j.get("young") == nil {
		t.Error("want the old job forgotten, the young one kept")
	}
	if _, err := os.Stat(dirs["old"]); !os.IsNotExist(err) {
		t.Errorf("old job's folder: %v", err)
	}
	if _, err := os.Stat(dirs["young"]); err != nil {
		t.Errorf("young job's folder: %v", err)
	}
}
