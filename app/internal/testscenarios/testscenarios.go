// Package testscenarios lists the project's test scenarios for tests that
// walk what every front end shows for each of them.
package testscenarios

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"kefucost/pricing"
	"kefucost/scenarios"
)

// Dirs are the folders of test scenarios, relative to the repository's
// root: pricing's samples, the command line's and the scenario format's.
var Dirs = []string{"pricing/testdata", "app/cli/testdata/scenarios", "scenarios/testdata"}

// File is one valid test scenario.
type File struct {
	Path     string // relative to the repository's root
	Scenario *scenarios.Scenario
}

// Valid reads every *.kefucost.json under Dirs (root: the repository's
// root as seen from the test's folder, e.g. "../..") that decodes and
// validates; files kept to be refused are left out. In path order.
func Valid(root string) ([]File, error) {
	var paths []string
	for _, dir := range Dirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".kefucost.json") {
				paths = append(paths, p)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(paths)
	var out []File
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		s, err := scenarios.Decode(data, filepath.Base(p))
		if err != nil || len(pricing.Validate(s)) > 0 {
			continue
		}
		rel, _ := filepath.Rel(root, p)
		out = append(out, File{Path: rel, Scenario: s})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no valid test scenario under %s", root)
	}
	return out, nil
}

// Name and ExtraName replace what the buyer wrote (WithoutUserData).
const (
	Name      = "方案"
	ExtraName = "自备项目"
)

// WithoutUserData is s with every text its buyer wrote (its name, the
// names of their own lines) replaced by Chinese words: what is left to
// read in a front end is the program's own.
func WithoutUserData(s *scenarios.Scenario) *scenarios.Scenario {
	c := s.Clone()
	c.Name = Name
	for id, v := range c.Vendors {
		for i := range v.Extras {
			v.Extras[i].Name = ExtraName
		}
		c.Vendors[id] = v
	}
	return c
}
