// SPDX-License-Identifier: MIT

package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
)

// downgrade rewrites a Go 1.26 trace into the wire format of an older v2 header, so the
// pre-1.26 generation splitting (no end-of-generation markers) is exercised with real event
// streams even where no older toolchain is installed:
//   - 25: same batches, header "go 1.25", end-of-generation markers dropped;
//   - 22/23: additionally each sync batch becomes a frequency-only batch (no clock snapshot).
// Event batches are copied byte for byte.
func downgrade(in, out string, version int) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	if len(data) < 16 || !bytes.HasPrefix(data, []byte("go 1.26 trace\x00\x00\x00")) {
		return fmt.Errorf("%s: not a Go 1.26 trace", in)
	}
	var w bytes.Buffer
	fmt.Fprintf(&w, "go 1.%d trace\x00\x00\x00", version)
	r := bytes.NewReader(data[16:])
	br := bufio.NewReader(r)
	for {
		start := len(data) - 16 - r.Len() - br.Buffered()
		typ, err := br.ReadByte()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if typ == 52 { // EndOfGeneration
			continue
		}
		if typ != 1 && typ != 49 {
			return fmt.Errorf("unexpected batch byte %d at %d", typ, start+16)
		}
		var exp byte
		if typ == 49 {
			if exp, err = br.ReadByte(); err != nil {
				return err
			}
		}
		var hdr [4]uint64
		for i := range hdr {
			if hdr[i], err = binary.ReadUvarint(br); err != nil {
				return err
			}
		}
		payload := make([]byte, hdr[3])
		if _, err := io.ReadFull(br, payload); err != nil {
			return err
		}
		if typ == 1 && version < 25 && len(payload) > 0 && payload[0] == 50 {
			payload, err = frequencyOnly(payload)
			if err != nil {
				return err
			}
		}
		w.WriteByte(typ)
		if typ == 49 {
			w.WriteByte(exp)
		}
		for _, v := range []uint64{hdr[0], hdr[1], hdr[2], uint64(len(payload))} {
			w.Write(binary.AppendUvarint(nil, v))
		}
		w.Write(payload)
	}
	return os.WriteFile(out, w.Bytes(), 0o644)
}

// frequencyOnly turns a sync batch payload ([Sync] then Frequency and ClockSnapshot in any
// order) into the pre-1.25 frequency batch payload.
func frequencyOnly(payload []byte) ([]byte, error) {
	r := bytes.NewReader(payload[1:])
	for r.Len() > 0 {
		ev, _ := r.ReadByte()
		switch ev {
		case 8:
			f, err := binary.ReadUvarint(r)
			if err != nil {
				return nil, err
			}
			return append([]byte{8}, binary.AppendUvarint(nil, f)...), nil
		case 51:
			for i := 0; i < 4; i++ {
				if _, err := binary.ReadUvarint(r); err != nil {
					return nil, err
				}
			}
		default:
			return nil, fmt.Errorf("unexpected event %d in sync batch", ev)
		}
	}
	return nil, fmt.Errorf("sync batch without frequency")
}
