// SPDX-License-Identifier: MIT

// A service for the capture tests: it serves net/http/pprof on loopback and leaks goroutines on
// purpose, one per tick, each blocked forever on a channel in main.leakyHandler, so a watch over
// a few goroutine dumps must find that group growing. Other modes stand in for the services a
// capture can go wrong with. It prints "port N" once it listens, then serves until killed.
//
//	leaky_service [-tick 200ms] [-mode pprof|nopprof|html|cut|slow|tls]
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	_ "net/http/pprof" // registers /debug/pprof/ on http.DefaultServeMux
	"os"
	"time"
)

var leaked = make(chan struct{}) // never closed or sent on

// leakyHandler stands for a handler that waits on a reply nobody will send.
//
//go:noinline
func leakyHandler(id int) {
	<-leaked
	fmt.Println("never", id)
}

func leakForever(tick time.Duration) {
	for i := 0; ; i++ {
		go leakyHandler(i)
		time.Sleep(tick)
	}
}

// burn keeps a CPU busy so a CPU profile has samples.
func burn() {
	x := 0
	for {
		for i := 0; i < 1_000_000; i++ {
			x += i * i
		}
		time.Sleep(time.Millisecond)
	}
}

func handlerFor(mode string) http.Handler {
	switch mode {
	case "pprof":
		return http.DefaultServeMux
	case "nopprof": // a service that never imported net/http/pprof
		mux := http.NewServeMux()
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/" {
				http.NotFound(w, r)
				return
			}
			fmt.Fprintln(w, "hello")
		})
		return mux
	case "html": // a web page where a profile should be, as a login redirect or a proxy would give
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintln(w, "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in.</body></html>")
		})
	case "cut": // starts a profile, then the connection drops before the declared length arrives
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return
			}
			fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n")
			buf.Write([]byte{0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00})
			buf.Flush()
			time.Sleep(100 * time.Millisecond)
			conn.Close()
		})
	case "slow": // answers the request, then sends nothing more
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-time.After(time.Hour):
			}
		})
	}
	fmt.Fprintln(os.Stderr, "unknown -mode", mode)
	os.Exit(2)
	return nil
}

func main() {
	tick := flag.Duration("tick", 200*time.Millisecond, "how often a goroutine leaks")
	mode := flag.String("mode", "pprof", "pprof, nopprof, html, cut, slow or tls")
	flag.Parse()

	if *mode == "pprof" {
		go leakForever(*tick)
		go burn()
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *mode == "tls" {
		// pprof behind TLS with a certificate no client trusts: plain HTTP to it is refused by
		// the server, HTTPS fails the client's certificate check.
		srv := httptest.NewUnstartedServer(http.DefaultServeMux)
		srv.Listener.Close()
		srv.Listener = ln
		srv.StartTLS()
		fmt.Printf("port %d\n", ln.Addr().(*net.TCPAddr).Port)
		select {}
	}
	handler := handlerFor(*mode)
	fmt.Printf("port %d\n", ln.Addr().(*net.TCPAddr).Port)
	http.Serve(ln, handler)
}
