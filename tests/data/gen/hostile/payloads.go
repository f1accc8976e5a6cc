// SPDX-License-Identifier: MIT

package main

import "strings"

// The hostile strings. Each starts with a marker ("Hm1", "Hp1", ...) that survives being
// rendered as HTML, so a test can tell a string shown literally from one a view interpreted, and
// ends with "end". tests/widgets/hostile_strings_test.cpp spells the same strings.
var (
	// Markup, with no '/' (which goShortName takes for a package path) and starting with '<' so
	// that "main.<b>..." is not taken for a demangled C++ name, whose <...> pprof cuts out.
	markup = `<b>Hm1<i>it<img src="hostile.png">&amp;end`
	// QString::arg placeholders.
	percent = "Hp1%1%2%L1end"
	// Right-to-left override and left-to-right isolate, never closed.
	bidi = "Hb1\u202eevil\u2066end"
	// Escape, bell, delete and a C1 control.
	control = "Hc1\x1b\x07\x7f\u0085end"
	// Bytes that are not UTF-8.
	invalid = "Hi1\xff\xfeend"
	// 10,000 characters.
	long = "Hl1" + strings.Repeat("W", 10000) + "end"
)

var payloads = []string{markup, percent, bidi, control, invalid, long}

// What `derive` writes in place of the six functions' names (and of the files they are in, see
// work.go), in the order of payloads. An execution trace holds no string longer than 1 KiB, so
// its copy of `long` is shorter there.
var identifiers = []string{"hostileMarkup", "hostilePercent", "hostileBidi", "hostileControl", "hostileInvalid", "hostileLong"}

func replacements(traceStrings bool) []string {
	var pairs []string
	for i, id := range identifiers {
		p := payloads[i]
		if traceStrings && p == long {
			p = "Hl1" + strings.Repeat("W", 1000) + "end"
		}
		pairs = append(pairs, id, p)
	}
	// A wait reason, which Go programs cannot choose.
	return append(pairs, "chan receive", "chan receive "+markup)
}
