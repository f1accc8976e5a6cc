// Command sample writes resources/samples/server.trace: an execution trace of a small HTTP
// service under load, with CPU profiling on so the trace carries CPU samples. Its handlers
// share a cache behind one mutex, and a refresh holds that mutex while it waits on a
// channel: the timeline shows the contention, the blocking chains lead from a waiting handler
// to the refresher, and the flame graphs show where the time goes.
package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"
)

type cache struct {
	mu      sync.Mutex
	entries map[string][]byte
}

func (c *cache) get(key string) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.entries[key]; ok {
		return v
	}
	sum := sha256.Sum256([]byte(key))
	for i := 0; i < 200; i++ { // some real work under the lock
		sum = sha256.Sum256(sum[:])
	}
	c.entries[key] = sum[:]
	return sum[:]
}

// refresh empties the cache every 50ms, waiting for the new generation's token while it holds
// the lock: the handlers that arrive meanwhile queue behind it.
func (c *cache) refresh(tokens <-chan struct{}, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(50 * time.Millisecond):
		}
		c.mu.Lock()
		<-tokens
		c.entries = map[string][]byte{}
		c.mu.Unlock()
	}
}

func main() {
	out := "server.trace"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	f, err := os.Create(out)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()

	c := &cache{entries: map[string][]byte{}}
	tokens := make(chan struct{})
	stop := make(chan struct{})
	go func() { // hands out a token every 2ms
		for {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
				select {
				case tokens <- struct{}{}:
				default:
				}
			}
		}
	}()
	go c.refresh(tokens, stop)

	mux := http.NewServeMux()
	mux.HandleFunc("/item/", func(w http.ResponseWriter, r *http.Request) {
		v := c.get(r.URL.Path)
		for i := 0; i < 300; i++ { // rendering: work outside the lock
			s := sha256.Sum256(v)
			v = s[:]
		}
		fmt.Fprintf(w, "%x\n", v)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)

	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		log.Fatal(err)
	}
	if err := trace.Start(f); err != nil {
		log.Fatal(err)
	}
	deadline := time.Now().Add(time.Second)
	var wg sync.WaitGroup
	for client := 0; client < 8; client++ {
		wg.Add(1)
		go func(client int) {
			defer wg.Done()
			hc := &http.Client{}
			for i := 0; time.Now().Before(deadline); i++ {
				time.Sleep(2 * time.Millisecond)
				resp, err := hc.Get(fmt.Sprintf("http://%s/item/%d-%d", ln.Addr(), client, i%20))
				if err != nil {
					log.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}(client)
	}
	wg.Wait()
	trace.Stop()
	pprof.StopCPUProfile()
	close(stop)
	srv.Close()
}
