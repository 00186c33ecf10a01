export default function ChecksPage() {
  return <div>Checks</div>;
}
