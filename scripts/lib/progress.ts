/** A one-line progress bar on stderr (a log file gets one line per update instead). */
export function progressBar(label: string) {
  const started = Date.now();
  return (done: number, total: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const seconds = (Date.now() - started) / 1000;
    const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${((done / total) * 100).toFixed(0)}% ${seconds.toFixed(1)} s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}
