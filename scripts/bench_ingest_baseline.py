#!/usr/bin/env python3
"""Python baseline of the Petrinex ingest benchmark (see feeds/ingest-bench/README.md).

The straightforward script a data engineer would write, standard library only: open the
downloaded zip, the zip inside it, stream ``Vol_YYYY-MM-AB.csv`` through ``csv.reader`` (Latin-1,
``newline=''``), keep ``FromToIDType == 'WI'`` and ``ActivityID == 'PROD'`` rows of product OIL or
GAS, hash ``FromToIDIdentifier`` with blake2b-256 and match it against the registered wells'
commitments (``wells.txt``: ``<hex> <OIL|GAS>`` per line, the line number being the well index),
and sum ``Volume`` as exact thousandths (``***`` = confidential, counted but not summed).

It applies the same rules as tn-ingest (fields trimmed, the production month checked for
matched rows, malformed matched volumes rejected) and writes its totals in the host's format
(``<index> <hex> <product> <volume thousandths> <rows> <confidential rows>``), so the two files
can be compared byte for byte, plus one result line in the host's TSV format.

Usage: bench_ingest_baseline.py ZIP --month 2026-01 --wells wells.txt
       [--runs N] [--totals-out FILE] [--result-tsv FILE]
"""

import argparse
import csv
import hashlib
import io
import platform
import resource
import sys
import time
import zipfile

TSV_HEADER = "implementation\truns\twall_s\tcsv_bytes\tpeak_bytes\tpeak_kind\tchecksum"


def parse_thousandths(text):
    """'1234.567' -> 1234567, '-12.5' -> -12500; None unless the text is ``[-]DIGITS[.DIGITS]``
    with at most 3 decimals (further decimals allowed only if zero), as tn-ingest accepts."""
    neg = text.startswith("-")
    body = text[1:] if neg else text
    whole, dot, frac = body.partition(".")
    if not whole.isdigit() or not whole.isascii() or (dot and not frac):
        return None
    if frac and (not frac.isdigit() or not frac.isascii()):
        return None
    if len(frac) > 3:
        if frac[3:].strip("0"):
            return None
        frac = frac[:3]
    value = int(whole) * 1000 + int(frac.ljust(3, "0") or "0")
    return -value if neg else value


def load_wells(path):
    """commitment bytes -> (index, product) from wells.txt."""
    wells = {}
    with open(path, encoding="ascii") as f:
        for index, line in enumerate(f):
            hex_commitment, product = line.split()
            wells[bytes.fromhex(hex_commitment)] = (index, product)
    return wells


def ingest(zip_path, month, wells):
    """One pass over the file: returns (totals, rows seen, csv size). totals: index -> [volume,
    rows, confidential rows, product, commitment hex]."""
    totals = {}
    rows_seen = 0
    with zipfile.ZipFile(zip_path) as outer:
        inner_bytes = outer.read(outer.namelist()[0])
    with zipfile.ZipFile(io.BytesIO(inner_bytes)) as inner:
        info = inner.infolist()[0]
        with inner.open(info) as raw:
            text = io.TextIOWrapper(raw, encoding="latin-1", newline="")
            reader = csv.reader(text)
            header = [h.strip() for h in next(reader)]
            header[0] = header[0].removeprefix("\xef\xbb\xbf")  # a UTF-8 BOM read as Latin-1
            col = {name: i for i, name in enumerate(header)}
            c_month, c_activity, c_product = col["ProductionMonth"], col["ActivityID"], col["ProductID"]
            c_type, c_ident, c_volume = col["FromToIDType"], col["FromToIDIdentifier"], col["Volume"]
            for row in reader:
                if not row:
                    continue
                rows_seen += 1
                if row[c_type].strip() != "WI" or row[c_activity].strip() != "PROD":
                    continue
                product = row[c_product].strip()
                if product != "OIL" and product != "GAS":
                    continue
                ident = row[c_ident].strip().encode("latin-1")
                well = wells.get(hashlib.blake2b(ident, digest_size=32).digest())
                if well is None or well[1] != product:
                    continue
                index = well[0]
                if row[c_month].strip() != month:
                    raise ValueError(f"row {rows_seen + 1}: production month {row[c_month]!r}")
                t = totals.get(index)
                if t is None:
                    t = totals[index] = [0, 0, 0]
                volume = row[c_volume].strip()
                if volume == "***":
                    t[2] += 1
                    continue
                v = parse_thousandths(volume)
                if v is None:
                    raise ValueError(f"row {rows_seen + 1}: malformed volume {volume!r}")
                t[0] += v
                t[1] += 1
        csv_bytes = info.file_size
    return totals, rows_seen, csv_bytes


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("zip")
    ap.add_argument("--month", required=True, help="production month, YYYY-MM")
    ap.add_argument("--wells", required=True, help="wells.txt written by tn-ingest-bench run")
    ap.add_argument("--runs", type=int, default=1, help="runs; the best wall time is reported")
    ap.add_argument("--totals-out", help="write the totals here (host format)")
    ap.add_argument("--result-tsv", help="write the result line here (host TSV format)")
    args = ap.parse_args()

    wells = load_wells(args.wells)
    index_info = {index: (h, p) for h, (index, p) in wells.items()}
    best = None
    first = None
    for i in range(1, max(args.runs, 1) + 1):
        t0 = time.perf_counter()
        totals, rows_seen, csv_bytes = ingest(args.zip, args.month, wells)
        wall = time.perf_counter() - t0
        print(f"python run {i}/{args.runs}: {wall:.3f} s", flush=True)
        if first is None:
            first = totals
        elif totals != first:
            sys.exit("python: totals differ between runs")
        best = wall if best is None else min(best, wall)

    lines = []
    for index in sorted(first):
        volume, rows, confidential = first[index]
        commitment, product = index_info[index]
        lines.append(f"{index} {commitment.hex()} {product} {volume} {rows} {confidential}\n")
    text = "".join(lines)
    checksum = hashlib.blake2b(text.encode("ascii"), digest_size=32).hexdigest()
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    name = f"Python {platform.python_version()} (zipfile + csv + hashlib)"
    print(
        f"python: best {best:.3f} s, {csv_bytes / 1e6 / best:.1f} MB/s of CSV, "
        f"peak RSS {peak_rss / 2**20:.1f} MiB, {rows_seen} data rows, "
        f"{len(first)} wells matched, checksum {checksum}"
    )
    if args.totals_out:
        with open(args.totals_out, "w", encoding="ascii", newline="") as f:
            f.write(text)
    if args.result_tsv:
        with open(args.result_tsv, "w", encoding="ascii", newline="") as f:
            f.write(TSV_HEADER + "\n")
            f.write(
                f"{name}\t{args.runs}\t{best:.6f}\t{csv_bytes}\t{peak_rss}\t"
                f"process peak RSS (ru_maxrss)\t{checksum}\n"
            )


if __name__ == "__main__":
    main()
