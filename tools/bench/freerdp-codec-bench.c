/*
 * Times one FreeRDP 2.x encoder on one raw BGRA frame, the reference the Oriel codec bench compares with in the
 * same run (rdp-bench, tools/codec-bench). Method as in the team's BASELINE.md: encode untimed for warmup_ms, then
 * `reps` timed repetitions, each repeating the encode until min_ms have passed; prints the output size and the
 * median and fastest time per encode in nanoseconds.
 *
 * usage: freerdp-codec-bench planar-tile64|planar-full|rfx RAWFILE WIDTH HEIGHT [reps min_ms warmup_ms]
 * output: bytes=N median_ns=N min_ns=N
 */
#include <freerdp/codec/color.h>
#include <freerdp/codec/planar.h>
#include <freerdp/codec/rfx.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <winpr/stream.h>

typedef size_t (*encode_fn)(void* state);

struct frame {
	BYTE* px;
	UINT32 w, h, stride;
};

struct planar_state {
	struct frame f;
	BITMAP_PLANAR_CONTEXT* ctx;
	BYTE* dst;
	UINT32 cap;
	int tiled;
};

struct rfx_state {
	struct frame f;
	RFX_CONTEXT* ctx;
	wStream* out;
};

static double now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static size_t planar_encode(void* p) {
	struct planar_state* s = p;
	size_t total = 0;
	UINT32 step = s->tiled ? 64 : (s->f.w > s->f.h ? s->f.w : s->f.h);
	for (UINT32 y = 0; y < s->f.h; y += step) {
		for (UINT32 x = 0; x < s->f.w; x += step) {
			UINT32 tw = s->f.w - x < step ? s->f.w - x : step;
			UINT32 th = s->f.h - y < step ? s->f.h - y : step;
			UINT32 size = s->cap;
			BYTE* r = freerdp_bitmap_compress_planar(s->ctx, s->f.px + (size_t)y * s->f.stride + x * 4,
			                                         PIXEL_FORMAT_BGRA32, tw, th, s->f.stride, s->dst, &size);
			if (!r) {
				fprintf(stderr, "planar encode failed\n");
				exit(2);
			}
			total += size;
		}
	}
	return total;
}

static size_t rfx_encode(void* p) {
	struct rfx_state* s = p;
	RFX_RECT rect = { 0, 0, (UINT16)s->f.w, (UINT16)s->f.h };
	RFX_MESSAGE* m = rfx_encode_message(s->ctx, &rect, 1, s->f.px, s->f.w, s->f.h, s->f.stride);
	if (!m) {
		fprintf(stderr, "rfx encode failed\n");
		exit(2);
	}
	Stream_SetPosition(s->out, 0);
	if (!rfx_write_message(s->ctx, s->out, m)) {
		fprintf(stderr, "rfx write failed\n");
		exit(2);
	}
	rfx_message_free(s->ctx, m);
	return Stream_GetPosition(s->out);
}

static int cmp(const void* a, const void* b) {
	double x = *(const double*)a, y = *(const double*)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char** argv) {
	if (argc < 5) {
		fprintf(stderr, "usage: %s planar-tile64|planar-full|rfx RAWFILE WIDTH HEIGHT [reps min_ms warmup_ms]\n",
		        argv[0]);
		return 1;
	}
	const char* codec = argv[1];
	struct frame f;
	f.w = (UINT32)atoi(argv[3]);
	f.h = (UINT32)atoi(argv[4]);
	f.stride = f.w * 4;
	int reps = argc > 5 ? atoi(argv[5]) : 15;
	double min_ms = argc > 6 ? atof(argv[6]) : 200;
	double warmup_ms = argc > 7 ? atof(argv[7]) : 300;
	size_t n = (size_t)f.stride * f.h;
	f.px = malloc(n);
	FILE* in = fopen(argv[2], "rb");
	if (!in || fread(f.px, 1, n, in) != n) {
		fprintf(stderr, "cannot read %zu bytes from %s\n", n, argv[2]);
		return 1;
	}
	fclose(in);

	void* state;
	encode_fn fn;
	struct planar_state ps;
	struct rfx_state rs;
	if (strncmp(codec, "planar", 6) == 0) {
		memset(&ps, 0, sizeof ps);
		ps.f = f;
		ps.tiled = strcmp(codec, "planar-tile64") == 0;
		UINT32 cw = ps.tiled ? 64 : f.w, ch = ps.tiled ? 64 : f.h;
		ps.ctx = freerdp_bitmap_planar_context_new(PLANAR_FORMAT_HEADER_RLE | PLANAR_FORMAT_HEADER_NA, cw, ch);
		ps.cap = cw * ch * 4 + 1024;
		ps.dst = malloc(ps.cap);
		state = &ps;
		fn = planar_encode;
	} else if (strcmp(codec, "rfx") == 0) {
		rs.f = f;
		rs.ctx = rfx_context_new(TRUE);
		rfx_context_reset(rs.ctx, f.w, f.h);
		rs.ctx->mode = RLGR3;
		rfx_context_set_pixel_format(rs.ctx, PIXEL_FORMAT_BGRA32);
		rs.out = Stream_New(NULL, n + 65536);
		state = &rs;
		fn = rfx_encode;
	} else {
		fprintf(stderr, "unknown codec %s\n", codec);
		return 1;
	}

	size_t bytes = 0;
	double start = now_ns();
	while (now_ns() - start < warmup_ms * 1e6) {
		bytes = fn(state);
	}
	double* per = calloc((size_t)reps, sizeof(double));
	for (int r = 0; r < reps; r++) {
		long count = 0;
		double t0 = now_ns(), t1;
		do {
			fn(state);
			count++;
			t1 = now_ns();
		} while (t1 - t0 < min_ms * 1e6);
		per[r] = (t1 - t0) / count;
	}
	qsort(per, (size_t)reps, sizeof(double), cmp);
	printf("bytes=%zu median_ns=%.0f min_ns=%.0f\n", bytes, per[reps / 2], per[0]);
	return 0;
}
