/*
 * Writes what Debian's libfreerdp2 planar encoder makes of one raw 64 x 64 BGRA tile (RLE, no alpha plane, the
 * bitmap-update row order): the reference outputs in rdp-core/src/test/resources/fixtures/libfreerdp/.
 * build: gcc -O2 -o freerdp-planar-dump freerdp-planar-dump.c $(pkg-config --cflags --libs freerdp2 winpr2)
 * usage: freerdp-planar-dump TILE.raw > OUT.bin
 */
#include <freerdp/codec/color.h>
#include <freerdp/codec/planar.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char** argv) {
	if (argc < 2) {
		fprintf(stderr, "usage: %s TILE.raw > OUT.bin\n", argv[0]);
		return 1;
	}
	FILE* in = fopen(argv[1], "rb");
	BYTE px[64 * 64 * 4];
	if (!in || fread(px, 1, sizeof px, in) != sizeof px) {
		fprintf(stderr, "cannot read a 64x64 BGRA tile from %s\n", argv[1]);
		return 1;
	}
	fclose(in);
	BITMAP_PLANAR_CONTEXT* ctx = freerdp_bitmap_planar_context_new(PLANAR_FORMAT_HEADER_RLE | PLANAR_FORMAT_HEADER_NA, 64, 64);
	BYTE out[70000];
	UINT32 size = sizeof out;
	freerdp_bitmap_compress_planar(ctx, px, PIXEL_FORMAT_BGRA32, 64, 64, 256, out, &size);
	fwrite(out, 1, size, stdout);
	return 0;
}
