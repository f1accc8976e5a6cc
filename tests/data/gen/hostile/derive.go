// SPDX-License-Identifier: MIT

package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// derive copies the capture `in` to `out` with the names Go programs cannot choose made hostile:
// every string containing one of the six start functions' names (hostileMarkup, ...: their
// function names, closures and files) gets the matching hostile string in its place, and so does
// the wait reason "chan receive". In a pprof profile that is its string table (and "samples" and
// "cpu", the sample types, become hostile too); in an execution trace, its string batches; in a
// goroutine dump, the text. Nothing else changes: the copy decodes as the original does.
func derive(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	switch {
	case strings.HasSuffix(in, ".pb.gz"):
		data, err = deriveProfile(data)
	case strings.HasSuffix(in, ".trace"):
		data, err = deriveTrace(data)
	case strings.HasSuffix(in, ".txt"):
		data = []byte(strings.NewReplacer(replacements(false)...).Replace(string(data)))
	default:
		err = fmt.Errorf("%s: not a .pb.gz, .trace or .txt capture", in)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	return os.WriteFile(out, data, 0o644)
}

// deriveProfile rewrites the string_table (field 6 of the top-level Profile message): names are
// indices into it, so that renames them wherever they are used.
func deriveProfile(gz []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	names := strings.NewReplacer(replacements(false)...)
	sampleTypes := map[string]string{"samples": "samples " + markup, "cpu": "cpu " + percent}
	var msg []byte
	for len(raw) > 0 {
		key, n := binary.Uvarint(raw)
		if n <= 0 {
			return nil, errors.New("bad field key")
		}
		field, wire := key>>3, key&7
		start := raw
		raw = raw[n:]
		var size int
		switch wire {
		case 0:
			_, m := binary.Uvarint(raw)
			if m <= 0 {
				return nil, errors.New("bad varint")
			}
			size = m
		case 2:
			length, m := binary.Uvarint(raw)
			if m <= 0 || uint64(len(raw)-m) < length {
				return nil, errors.New("bad length")
			}
			if field == 6 {
				s := string(raw[m : m+int(length)])
				if t, ok := sampleTypes[s]; ok {
					s = t
				} else {
					s = names.Replace(s)
				}
				msg = binary.AppendUvarint(msg, key)
				msg = binary.AppendUvarint(msg, uint64(len(s)))
				msg = append(msg, s...)
				raw = raw[m+int(length):]
				continue
			}
			size = m + int(length)
		default:
			return nil, fmt.Errorf("unexpected wire type %d", wire)
		}
		msg = append(msg, start[:n+size]...)
		raw = raw[size:]
	}
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(msg)
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// The Go 1.22+ trace framing: batches of (type, [experiment], generation, thread, time, size,
// payload); a string batch's payload is EvStrings then (EvString, id, length, bytes) per string.
const (
	evEventBatch        = 1
	evStrings           = 4
	evString            = 5
	evExperimentalBatch = 49
	evEndOfGeneration   = 52
	traceHeaderSize     = 16
)

func deriveTrace(data []byte) ([]byte, error) {
	if len(data) < traceHeaderSize || !bytes.HasPrefix(data, []byte("go 1.")) {
		return nil, errors.New("not a Go 1.22+ execution trace")
	}
	names := strings.NewReplacer(replacements(true)...)
	out := append([]byte(nil), data[:traceHeaderSize]...)
	r := bufio.NewReader(bytes.NewReader(data[traceHeaderSize:]))
	for {
		lead, err := r.ReadByte()
		if err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, err
		}
		out = append(out, lead)
		if lead == evEndOfGeneration {
			continue
		}
		if lead == evExperimentalBatch {
			experiment, err := r.ReadByte()
			if err != nil {
				return nil, err
			}
			out = append(out, experiment)
		} else if lead != evEventBatch {
			return nil, fmt.Errorf("unexpected batch type %d", lead)
		}
		for k := 0; k < 3; k++ { // generation, thread, time
			v, err := binary.ReadUvarint(r)
			if err != nil {
				return nil, err
			}
			out = binary.AppendUvarint(out, v)
		}
		size, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		payload := make([]byte, size)
		if _, err := io.ReadFull(r, payload); err != nil {
			return nil, err
		}
		if lead == evEventBatch && len(payload) > 0 && payload[0] == evStrings {
			if payload, err = deriveStrings(payload, names); err != nil {
				return nil, err
			}
		}
		out = binary.AppendUvarint(out, uint64(len(payload)))
		out = append(out, payload...)
	}
}

func deriveStrings(payload []byte, names *strings.Replacer) ([]byte, error) {
	out := []byte{evStrings}
	r := bytes.NewReader(payload[1:])
	for r.Len() > 0 {
		if ev, _ := r.ReadByte(); ev != evString {
			return nil, fmt.Errorf("unexpected event %d in a string batch", ev)
		}
		id, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		length, err := binary.ReadUvarint(r)
		if err != nil || length > uint64(r.Len()) {
			return nil, errors.New("bad string length")
		}
		s := make([]byte, length)
		r.Read(s)
		renamed := names.Replace(string(s))
		out = append(out, evString)
		out = binary.AppendUvarint(out, id)
		out = binary.AppendUvarint(out, uint64(len(renamed)))
		out = append(out, renamed...)
	}
	return out, nil
}
