package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"kefucost/scenarios"
)

// Two programs saving to one file at once, as two windows, or a window and
// kefucost scenarios import, do: the parent process and a child (this test
// binary run again) each save revisions as fast as a store allows, to a
// scenario of their own and to one they share, with drafts and lists in
// between. Every save that returned is in the file with its content, in
// the order of its revision number; none is there twice; a save refused
// because the other held the file too long (ErrLocked) added nothing and
// is tried again, as a user would; each keeps its own draft.

// sharedName is the scenario both processes save to.
const sharedName = "共享 shared"

// saverSaves is how many revisions each process saves.
func saverSaves() int {
	switch {
	case os.Getenv("KEFUCOST_STRESS") != "":
		return 600
	case testing.Short():
		return 20
	}
	return 60
}

// saved is one revision a process reported saved.
type saved struct {
	name   string
	rev    int
	agents int64
}

// saverScenario is what process tag's save i holds: its agents tell who
// saved it and when.
func saverScenario(base *scenarios.Scenario, tag, i int) *scenarios.Scenario {
	c := base.Clone()
	c.Changes = nil
	c.Months = 1 + i%120
	c.Demand.OnlineAgents = int64(tag*100_000 + i)
	return c
}

// saveAll saves n revisions through st, with random pauses of up to a few
// milliseconds, and calls report after each returned. Errors other than
// ErrLocked stop it.
func saveAll(st *Store, base *scenarios.Scenario, tag, n int, rng *rand.Rand, report func(saved)) (locked int, err error) {
	own := fmt.Sprintf("process %d", tag)
	for i := 0; i < n; i++ {
		name := own
		if rng.IntN(2) == 0 {
			name = sharedName
		}
		s := saverScenario(base, tag, i)
		for {
			rev, added, err := st.Save(name, s, SaveMeta{Editions: map[string]string{"chatopera": strconv.Itoa(tag)}})
			if errors.Is(err, ErrLocked) {
				if locked++; locked > 20 {
					return locked, fmt.Errorf("save %d of process %d: %w (20 times)", i, tag, err)
				}
				continue
			}
			if err != nil {
				return locked, err
			}
			if !added {
				return locked, fmt.Errorf("save %d of process %d added nothing (revision %d)", i, tag, rev.Number)
			}
			report(saved{name, rev.Number, s.Demand.OnlineAgents})
			break
		}
		switch rng.IntN(6) {
		case 0:
			d := s.Clone()
			d.Months = 0 // half-typed
			if err := st.SaveDraft(name, d); err != nil && !errors.Is(err, ErrLocked) {
				return locked, err
			}
		case 1:
			if _, err := st.List(); err != nil && !errors.Is(err, ErrLocked) {
				return locked, err
			}
		}
		time.Sleep(time.Duration(rng.IntN(4000)) * time.Microsecond)
	}
	return locked, nil
}

// helperSaver is the child's side: it opens the store, says "ready", waits
// for a line on stdin, saves, prints "NAME\tREV\tAGENTS" after each save,
// leaves a draft of its last save and says "done".
func helperSaver() {
	fail := func(err error) {
		fmt.Println("error:", err)
		os.Exit(3)
	}
	base, err := scenarios.ReadFile(exampleFile)
	if err != nil {
		fail(err)
	}
	seed, _ := strconv.ParseUint(os.Getenv("KEFUCOST_HELPER_SEED"), 10, 64)
	n, _ := strconv.Atoi(os.Getenv("KEFUCOST_HELPER_N"))
	st, err := Open(Options{Path: os.Getenv("KEFUCOST_HELPER_DB")})
	if err != nil {
		fail(err)
	}
	fmt.Println("ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		fail(err)
	}
	locked, err := saveAll(st, base, 2, n, rand.New(rand.NewPCG(seed, 2)), func(s saved) {
		fmt.Printf("%s\t%d\t%d\n", s.name, s.rev, s.agents)
	})
	if err != nil {
		fail(err)
	}
	if err := st.SaveDraft("process 2", saverScenario(base, 2, n)); err != nil {
		fail(err)
	}
	fmt.Printf("done\t%d\n", locked)
	os.Exit(0)
}

func TestTwoProcessesSaveToOneFileLoseNothing(t *testing.T) {
	seed := testSeed(t)
	n := saverSaves()
	path := filepath.Join(t.TempDir(), "scenarios.db")
	base := example(t)
	st := openTest(t, path)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "KEFUCOST_HELPER=saver", "KEFUCOST_HELPER_DB="+path,
		"KEFUCOST_HELPER_SEED="+strconv.FormatUint(seed, 10), "KEFUCOST_HELPER_N="+strconv.Itoa(n))
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer cancel() // a child still running when the test fails is killed
	out := bufio.NewReader(stdout)
	if l, err := out.ReadString('\n'); l != "ready\n" {
		t.Fatalf("child said %q (%v)", l, err)
	}

	var (
		mu  sync.Mutex
		all []saved // both processes' saves, each process's in its order
	)
	childDone := make(chan string, 1)
	go func() {
		for {
			l, err := out.ReadString('\n')
			if err != nil {
				childDone <- "child ended without saying done: " + l
				return
			}
			l = strings.TrimSuffix(l, "\n")
			f := strings.Split(l, "\t")
			if f[0] == "done" || len(f) != 3 {
				childDone <- l
				io.Copy(io.Discard, out)
				return
			}
			rev, _ := strconv.Atoi(f[1])
			agents, _ := strconv.ParseInt(f[2], 10, 64)
			mu.Lock()
			all = append(all, saved{f[0], rev, agents})
			mu.Unlock()
		}
	}()
	start := time.Now()
	io.WriteString(stdin, "go\n")
	locked, err := saveAll(st, base, 1, n, rand.New(rand.NewPCG(seed, 1)), func(s saved) {
		mu.Lock()
		all = append(all, s)
		mu.Unlock()
	})
	if err != nil {
		t.Fatalf("parent: %v", err)
	}
	if err := st.SaveDraft("process 1", saverScenario(base, 1, n)); err != nil {
		t.Fatal(err)
	}
	var said string
	select {
	case said = <-childDone:
	case <-ctx.Done():
		t.Fatal("the child did not finish in time")
	}
	if !strings.HasPrefix(said, "done\t") {
		t.Fatalf("child: %s", said)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	t.Logf("%d saves each in %v; ErrLocked retried: parent %d, child %s", n, time.Since(start).Round(time.Millisecond), locked, strings.TrimPrefix(said, "done\t"))

	// Every reported save is there, once, with its content; each
	// process's saves to one scenario have rising revision numbers.
	check, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	if check.Recovered != "" {
		t.Fatalf("moved aside: %s", check.Recovered)
	}
	byName := map[string]map[int]int64{}
	last := map[string]int{} // process+name → last revision
	interleaved := false
	for _, s := range all {
		if byName[s.name] == nil {
			byName[s.name] = map[int]int64{}
		}
		if other, dup := byName[s.name][s.rev]; dup {
			t.Fatalf("%s revision %d reported by both %d and %d", s.name, s.rev, other, s.agents)
		}
		byName[s.name][s.rev] = s.agents
		k := fmt.Sprint(s.agents/100_000, s.name)
		if s.rev <= last[k] {
			t.Fatalf("%s: revision %d after %d from one process", s.name, s.rev, last[k])
		}
		last[k] = s.rev
	}
	if len(byName) != 3 {
		t.Fatalf("saved to %d scenarios, want 3", len(byName))
	}
	for name, revs := range byName {
		h, err := check.History(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(h) != len(revs) {
			t.Fatalf("%s has %d revisions, %d saves were reported", name, len(h), len(revs))
		}
		prevTag := int64(-1)
		for rev := 1; rev <= len(revs); rev++ {
			want, ok := revs[rev]
			if !ok {
				t.Fatalf("%s revision %d was not reported by either process", name, rev)
			}
			s, _, err := check.LoadRevision(name, rev)
			if err != nil {
				t.Fatal(err)
			}
			if s.Demand.OnlineAgents != want {
				t.Fatalf("%s revision %d holds agents %d, want %d", name, rev, s.Demand.OnlineAgents, want)
			}
			if tag := want / 100_000; prevTag >= 0 && tag != prevTag {
				interleaved = true
			}
			prevTag = want / 100_000
		}
	}
	if !interleaved {
		t.Error("the two processes never took turns on the shared scenario: the test did not test sharing")
	}

	// Each kept its own draft: the parent's is its own; the child's, left
	// behind when it ended, is offered to the next store.
	if name, d, _, ok := st.Draft(); !ok || name != "process 1" || d.Demand.OnlineAgents != 100_000+int64(n) {
		t.Fatalf("parent's draft: %v %q", ok, name)
	}
	if name, d, _, ok := check.Draft(); !ok || name != "process 2" || d.Demand.OnlineAgents != 200_000+int64(n) {
		t.Fatalf("child's draft, left behind: %v %q agents %d", ok, name, d.Demand.OnlineAgents)
	}
}
