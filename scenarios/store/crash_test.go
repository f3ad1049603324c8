package store

import (
	"bufio"
	"errors"
	"fmt"
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

// crashNames are the scenarios the child writer keeps saving.
var crashNames = []string{"写入 0", "w/1", "w \"2\"", "w3 🎉"}

// crashScenario is what revision rev of every crash scenario holds, so
// that the parent can check it.
func crashScenario(base *scenarios.Scenario, rev int) *scenarios.Scenario {
	c := base.Clone()
	c.Changes = nil
	c.Months = 1 + rev%120
	c.Demand.OnlineAgents = int64(rev)
	return c
}

// helperWriter runs in the child: it says "open" once the store is open,
// then saves revisions until killed and prints "NAME\tREV" (unbuffered,
// one write per line) once each Save has returned.
func helperWriter() {
	base, err := scenarios.ReadFile(exampleFile)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(3)
	}
	st, err := Open(Options{Path: os.Getenv("KEFUCOST_HELPER_DB")})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(3)
	}
	fmt.Println("open")
	for i := 0; ; i++ {
		name := crashNames[i%len(crashNames)]
		next := 1
		if in, err := st.Lookup(name); err == nil {
			next = in.Revisions + 1
		} else if !errors.Is(err, ErrNotFound) {
			fmt.Println("error:", err)
			os.Exit(3)
		}
		rev, _, err := st.Save(name, crashScenario(base, next), SaveMeta{Editions: map[string]string{"chatopera": strconv.Itoa(next)}})
		if err != nil || rev.Number != next {
			fmt.Println("error:", err, rev.Number, next)
			os.Exit(3)
		}
		fmt.Fprintf(os.Stdout, "%s\t%d\n", name, rev.Number)
		if i%7 == 0 {
			if err := st.SaveDraft(name, crashScenario(base, 0)); err != nil {
				fmt.Println("error:", err)
				os.Exit(3)
			}
		}
	}
}

// testSeed is the random seed of a test: $KEFUCOST_SEED when set (to
// repeat a failure), else the clock. It is printed.
func testSeed(t *testing.T) uint64 {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("KEFUCOST_SEED"); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("KEFUCOST_SEED=%q: %v", v, err)
		}
	}
	t.Logf("random seed %d (repeat with KEFUCOST_SEED=%d)", seed, seed)
	return seed
}

func crashDuration() time.Duration {
	if os.Getenv("KEFUCOST_STRESS") != "" {
		if s, err := strconv.Atoi(os.Getenv("KEFUCOST_STRESS_SECONDS")); err == nil && s > 0 {
			return time.Duration(s) * time.Second
		}
		return 60 * time.Second
	}
	if testing.Short() {
		return time.Second
	}
	return 3 * time.Second
}

// TestCrashKeepsEverySavedRevision kills a writing child process with
// SIGKILL at random moments, again and again, and checks after each kill
// that the database opens as it is (nothing moved aside) and holds every
// revision whose Save had returned, with the right content.
func TestCrashKeepsEverySavedRevision(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scenarios.db")
	base := example(t)
	rng := rand.New(rand.NewPCG(testSeed(t), 7))
	saved := map[string]int{} // name → highest revision reported saved
	deadline := time.Now().Add(crashDuration())
	kills, total := 0, 0
	for kills < 10 || time.Now().Before(deadline) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
		cmd.Env = append(os.Environ(), "KEFUCOST_HELPER=writer", "KEFUCOST_HELPER_DB="+path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var (
			mu     sync.Mutex
			lines  []string
			done   = make(chan struct{})
			opened = make(chan struct{})
		)
		go func() {
			defer close(done)
			r := bufio.NewReader(stdout)
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return // a line cut by the kill does not count
				}
				if l == "open\n" {
					close(opened)
					continue
				}
				mu.Lock()
				lines = append(lines, l[:len(l)-1])
				mu.Unlock()
			}
		}()
		// Sometimes while it opens, mostly in the middle of saving: the
		// clock starts when the store is open (a slow start, as under
		// -race, would otherwise leave no time to save).
		if rng.IntN(4) > 0 {
			select {
			case <-opened:
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("the child did not open the store in 10 s")
			}
		}
		time.Sleep(time.Duration(rng.IntN(120_000)) * time.Microsecond)
		cmd.Process.Kill()
		<-done
		cmd.Wait()
		kills++
		for _, l := range lines {
			var name string
			var rev int
			if i := strings.IndexByte(l, '\t'); i > 0 {
				name = l[:i]
				rev, _ = strconv.Atoi(l[i+1:])
			}
			if name == "" || rev == 0 {
				t.Fatalf("child said %q", l)
			}
			if rev <= saved[name] {
				t.Fatalf("child saved %s revision %d after %d", name, rev, saved[name])
			}
			saved[name] = rev
			total++
		}
		verifyCrashStore(t, path, base, saved)
	}
	t.Logf("%d kills, %d saves reported, final revisions %v", kills, total, saved)
	if total == 0 {
		t.Fatal("the child never saved")
	}
}

func verifyCrashStore(t *testing.T, path string, base *scenarios.Scenario, saved map[string]int) {
	t.Helper()
	st, err := Open(Options{Path: path})
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer st.Close()
	if st.Recovered != "" || st.Backup != "" {
		t.Fatalf("a kill looked like damage: recovered %q backup %q", st.Recovered, st.Backup)
	}
	for name, last := range saved {
		in, err := st.Lookup(name)
		if err != nil {
			t.Fatalf("%s lost: %v", name, err)
		}
		// One more save may have landed without being reported.
		if in.Revisions < last || in.Revisions > last+1 {
			t.Fatalf("%s has %d revisions, %d were reported saved", name, in.Revisions, last)
		}
		for _, rev := range []int{1, last / 2, last} {
			if rev < 1 {
				continue
			}
			s, r, err := st.LoadRevision(name, rev)
			if err != nil {
				t.Fatalf("%s revision %d: %v", name, rev, err)
			}
			want := crashScenario(base, rev)
			if s.Months != want.Months || s.Demand.OnlineAgents != want.Demand.OnlineAgents || r.Editions["chatopera"] != strconv.Itoa(rev) {
				t.Fatalf("%s revision %d holds months %d agents %d", name, rev, s.Months, s.Demand.OnlineAgents)
			}
		}
		if h, err := st.History(name); err != nil || len(h) != in.Revisions {
			t.Fatalf("%s history: %v, %d entries", name, err, len(h))
		}
		// A save that landed unreported is durable from now on: the next
		// round may add one more on top of it.
		saved[name] = in.Revisions
	}
	if _, _, _, ok := st.Draft(); !ok && len(saved) > 0 {
		// The first draft is saved right after the first revision; a kill
		// may fall between the two, so only complain once there are more.
		for _, v := range saved {
			if v > 2 {
				t.Fatal("draft lost")
			}
		}
	}
}
