// The explorer's entry point.
import { createRoot } from 'react-dom/client';

function App() {
  return <h1>Knowledge-graph explorer</h1>;
}

createRoot(document.getElementById('root')!).render(<App />);
