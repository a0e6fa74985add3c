/** Root component of the ES Lottery Lab. (Replaced by the full lab shell in src/ui/.) */
export function App() {
  return <main><h1>ES Lottery Lab</h1></main>;
}
